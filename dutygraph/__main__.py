"""``python -m dutygraph`` runs the CLI (handy where the console script is not on PATH)."""

from dutygraph.cli import main

main()
