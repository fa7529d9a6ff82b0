"""``python -m analysis.ledger [PATH]`` writes the ledger artefact (ledger.json and ledger.csv)."""

from analysis.ledger import main

if __name__ == "__main__":  # importing this module (a test, a tool listing modules) runs nothing
    raise SystemExit(main())
