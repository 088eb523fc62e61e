from . import test_actions_summary
