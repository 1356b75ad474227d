from secretariat.cli import main

raise SystemExit(main())
