"""``python -m analysis.claims [PATH]`` writes the ledger artefact (ledger.json and ledger.csv)."""

from . import main

raise SystemExit(main())
