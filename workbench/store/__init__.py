"""The store layer: each table group has one module here that owns its SQL, its invariants and its row types.

Services (`coding`, `suggest.review`, `codebook`, ...) decide *what* to change and call the owner, which
decides *whether* the change keeps the project whole and writes it through the journal. The schema has no
foreign keys (they would slow bulk imports), so these modules are what keeps references and spans sound;
`workbench check` verifies that they did.
"""
