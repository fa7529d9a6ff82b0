"""``python -m analysis.ledger [PATH]`` writes the ledger artefact (ledger.json and ledger.csv)."""

from analysis.ledger import main

raise SystemExit(main())
