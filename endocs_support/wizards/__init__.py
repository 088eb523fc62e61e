from . import endocs_ticket_split_wizard
