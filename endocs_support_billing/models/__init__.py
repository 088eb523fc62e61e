from . import account_analytic_line
from . import account_move
from . import endocs_support_contract
from . import helpdesk_ticket
from . import sale_order_line
from . import endocs_demo
