"""Root conftest: runs before any test module is collected.

pytest's importlib mode names ``gateway/tests/test_x.py`` ``gateway.tests.test_x`` and would register the folder
``gateway/`` as a namespace package called ``gateway``, shadowing the real package (gateway/src/gateway).
Importing the real one first keeps it in ``sys.modules``.
"""

import gateway  # noqa: F401
