from . import test_production_calendar
from . import test_working_time_odoo
from . import test_intake
from . import test_portal_api
from . import test_mail_intake
from . import test_workflow
from . import test_sla
from . import test_waiting_concurrency
