"""A small coded project built with plain SQL, shared by the analysis, chart and export tests.

Plain inserts (`builders` for documents, codes and coders) keep these tests independent of the coding and
codebook modules' timing. The expected figures in the tests are counted by hand from the tables below (see
the comments next to each row). Some values are hostile on purpose (formula-like titles, variables and coded
text) for the injection tests.
"""

from __future__ import annotations

from datetime import datetime

from builders import add_code, add_coder_row, add_document, add_source

from workbench.project import Project

HOSTILE = ['=HYPERLINK("http://evil.example/x";"clic")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0",
           "\t=1+1", "\r=2+2"]

# id: (kind, title, occurred_at, text)
DOCUMENTS = {
    1: ("call", "Appel résiliation", datetime(2026, 1, 5, 9, 30),
        "Je veux résilier 😀 mon contrat. Le conseiller était très aimable, merci à lui !"),
    2: ("email", "Réclamation facture", datetime(2026, 1, 20, 14, 0),
        'Ma facture est fausse. =HYPERLINK("http://x";"ok") encore une erreur, je suis furieux !'),
    3: ("call", "Départ", datetime(2026, 2, 3, 11, 15),
        "Je pars chez un concurrent, c'est décidé. Vous m'avez déçu depuis des mois."),
    4: ("chat", HOSTILE[0], datetime(2026, 2, 14, 16, 45), "Bonjour, une simple question sur mon offre."),
    5: ("survey", HOSTILE[4], datetime(2026, 3, 1, 8, 0), "Merci pour tout, facture claire et équipe sympa."),
    6: ("call", "Sans date", None, "Appel sans date ni note, pour voir les valeurs manquantes."),
}
# variable: (type, {document id: value})
VARIABLES = {
    "canal": ("text", {1: "téléphone", 2: "email", 3: "téléphone", 4: "chat", 5: "web", 6: "téléphone"}),
    "nps": ("integer", {1: "3", 2: "9", 3: "10", 4: "7", 5: "0"}),
    "region": ("text", {1: HOSTILE[1], 2: HOSTILE[2], 3: HOSTILE[3], 4: HOSTILE[5], 5: "Île-de-France",
                        6: HOSTILE[6]}),
    "anciennete_ans": ("float", {1: "2.5", 2: "10", 3: "0.5"}),
    "date": ("date", {1: "2026-01-05", 2: "2026-01-20"}),
}
# id: (parent, name, color, scheme, key, attributes)
CODES = {
    1: (None, "Motif", None, None, None, None),
    2: (1, "Résiliation", "#D55E00", None, None, None),
    3: (1, "Facturation", None, None, None, None),
    4: (3, "Erreur de facture", "#0072B2", None, None, None),
    5: (None, "Formes de relation", None, "relationship_forms", "relationship_forms", None),
    6: (5, "Amitié", "#009E73", "relationship_forms", "friendship", {"valence": 1, "intimacy": 0.8}),
    7: (5, "Hostilité", "#CC79A7", "relationship_forms", "enmity", {"valence": -1, "intimacy": 0.5}),
}
CODERS = {1: ("alice", "analyst"), 2: ("bob", "trainee")}
# id: (document, code, start, end, coder)
CODINGS = {
    1: (1, 2, 8, 16, 1),     # "résilier"
    2: (1, 6, 32, 79, 1),    # after the emoji: "Le conseiller …"
    3: (2, 4, 3, 21, 1),
    4: (2, 3, 0, 21, 2),
    5: (2, 7, 23, 41, 1),    # starts with "=HYPERLINK"
    6: (3, 2, 0, 10, 1),
    7: (3, 7, 5, 15, 1),     # overlaps coding 6 on [5, 10) and coding 11 on [8, 12)
    8: (3, 2, 20, 25, 2),
    9: (5, 6, 0, 8, 1),
    10: (5, 3, 0, 5, 1),     # overlaps coding 9 on [0, 5)
    11: (3, 2, 8, 12, 1),    # overlaps coding 6 of the same code: merged to [0, 12) for span overlap
}
# id: (document, start, end)
SEGMENTS = {1: (1, 0, 31), 2: (1, 32, 79), 3: (3, 0, 12), 4: (3, 12, 30)}


def build(project: Project) -> Project:
    """Fill an empty project with the corpus above; returns it for chaining."""
    con = project.con
    with project.transaction():
        add_source(project, "x.csv", kind="csv", origin="/x.csv", sha256="h", id=1)
        for doc_id, (kind, title, when, text) in DOCUMENTS.items():
            add_document(project, text, title, kind, source_id=1, lang="fr", occurred_at=when, position=None, id=doc_id)
        for var_id, (name, (vtype, values)) in enumerate(VARIABLES.items(), start=1):
            con.execute("INSERT INTO variables (id, name, type) VALUES (?, ?, ?)", [var_id, name, vtype])
            con.executemany("INSERT INTO document_values VALUES (?, ?, ?)",
                            [(doc, var_id, value) for doc, value in values.items()])
        for code_id, (parent, name, color, scheme, key, attributes) in CODES.items():
            add_code(project, name, parent, color=color, scheme=scheme, key=key, attributes=attributes,
                     position=code_id, guid=f"guid-{code_id}", id=code_id)
        for coder_id, (name, role) in CODERS.items():
            add_coder_row(project, name, role, id=coder_id)
        for coding_id, (doc, code, start, end, coder) in CODINGS.items():
            con.execute(
                "INSERT INTO codings (id, guid, document_id, code_id, start_pos, end_pos, coder_id, origin)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [coding_id, f"c-{coding_id}", doc, code, start, end, coder, "manual" if coder == 1 else "suggestion"],
            )
        for seg_id, (doc, start, end) in SEGMENTS.items():
            con.execute("INSERT INTO segments (id, document_id, start_pos, end_pos, kind) VALUES (?, ?, ?, ?, 'sentence')",
                        [seg_id, doc, start, end])
        con.execute("INSERT INTO runs (id, kind, model) VALUES (1, 'topics', 'lexical')")
        con.executemany(
            "INSERT INTO topics (run_id, topic, label, keywords, size) VALUES (1, ?, ?, ?, ?)",
            [(0, "factures", ["facture", "erreur"], 3), (1, "départ", ["résilier", "concurrent"], 2),
             (-1, None, [], 1)],
        )
        con.executemany(
            "INSERT INTO unit_topics VALUES (1, ?, ?, ?, 0.9)",
            [("document", 1, 1), ("document", 2, 0), ("document", 3, 1), ("document", 4, -1),
             ("document", 5, 0), ("segment", 4, 0)],
        )
        con.executemany(
            "INSERT INTO suggestions (id, run_id, document_id, start_pos, end_pos, code_id, score, status)"
            " VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
            [(1, 4, 0, 7, 2, 0.42, "pending"), (2, 2, 0, 21, 3, 0.91, "accepted"), (3, 5, 0, 5, 7, 0.12, "rejected")],
        )
    return project
