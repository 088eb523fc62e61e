from . import test_act
from . import test_actions_summary
from . import test_billing
from . import test_portal_act
from . import test_portal_isolation
from . import test_i18n
from . import test_access_matrix
from . import test_tour_accountant
