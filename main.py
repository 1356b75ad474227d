"""Start the council secretariat desktop app (see ui/app.py for the options)."""

from ui.app import main

raise SystemExit(main())
