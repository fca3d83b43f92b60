"""``python -m parsing FILE [--json]``"""

import sys

from parsing.cli import main

sys.exit(main())
