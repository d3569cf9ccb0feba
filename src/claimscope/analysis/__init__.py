"""Analysis stage: statements, propositions, origins, conflicts and grades across documents."""
