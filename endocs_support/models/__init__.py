from . import endocs_working_time_source
from . import endocs_calendar_day
from . import resource_calendar
from . import resource_calendar_attendance
from . import resource_calendar_leaves
from . import helpdesk_ticket_team
