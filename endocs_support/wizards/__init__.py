from . import endocs_ticket_split_wizard
from . import endocs_ticket_wait_wizard
from . import endocs_ticket_correction_wizard
from . import endocs_ticket_resolve_wizard
from . import endocs_api_key_show
