from . import endocs_support_invoice_wizard
