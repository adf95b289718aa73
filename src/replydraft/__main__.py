from replydraft.cli import main

raise SystemExit(main())
