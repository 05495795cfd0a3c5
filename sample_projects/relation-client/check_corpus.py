# -*- coding: utf-8 -*-
"""Sanity checks for the demo corpus: python check_corpus.py  (exit 1 on failure)."""
import collections
import csv
import mailbox
import os
import sys

import docx
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FORMS = set("arranged_marriage casual_friends marriage_of_convenience committed_partnership best_friendship compartmentalised_friendship kinship rebound childhood_friendship courtship dependency fling enmity secret_affair enslavement basic_exchange business_partners master_slave ex_friends adversaries".split())
REASONS = set("billing payment refund delivery order product_defect account_access subscription_change cancellation price contact_difficulty agent_behaviour information_request compliment".split())
EMOS = set("joy trust fear surprise sadness disgust anger anticipation frustration disappointment worry confusion relief gratitude".split())
errors = []

docs = {}  # (file, item) -> text
for sub in ("appels", "emails", "entretiens", "enquete"):
    for name in sorted(os.listdir(os.path.join(HERE, sub))):
        rel = f"{sub}/{name}"
        path = os.path.join(HERE, rel)
        if name.endswith((".txt", ".vtt")):
            t = open(path, encoding="utf-8").read()
            if name.endswith(".vtt") and not t.startswith("WEBVTT"):
                errors.append(f"{rel}: no WEBVTT header")
            docs[(rel, "")] = t
        elif name.endswith(".eml"):
            docs[(rel, "")] = open(path, "rb").read().decode("latin-1")
        elif name.endswith(".mbox"):
            box = mailbox.mbox(path)
            for i, m in enumerate(box, 1):
                docs[(rel, str(i))] = m.as_string()
        elif name.endswith(".docx"):
            d = docx.Document(path)
            docs[(rel, "")] = "\n".join(p.text for p in d.paragraphs)
        elif name.endswith(".xlsx"):
            ws = openpyxl.load_workbook(path, read_only=True).active
            rows = list(ws.iter_rows(values_only=True))
            for i, r in enumerate(rows[1:], 1):
                docs[(rel, str(i))] = r[-1]
        elif name.endswith(".csv"):
            raw = open(path, "rb").read()
            try:
                raw.decode("utf-8")
                errors.append(f"{rel}: decodes as UTF-8")
            except UnicodeDecodeError:
                pass
            rows = list(csv.reader(raw.decode("cp1252").splitlines(), delimiter=";"))
            if rows[0][0] != "id_repondant" or any(len(r) != 8 for r in rows):
                errors.append(f"{rel}: bad header or ragged rows")
            for i, r in enumerate(rows[1:], 1):
                docs[(rel, str(i))] = r[-1]
        else:
            errors.append(f"unexpected file {rel}")

truth = list(csv.DictReader(open(os.path.join(HERE, "truth.csv"), encoding="utf-8")))
keys = set()
for row in truth:
    k = (row["file"], row["item"])
    keys.add(k)
    if k not in docs:
        errors.append(f"truth row points nowhere: {k}")
    if row["relationship_form"] not in FORMS or row["contact_reason"] not in REASONS or row["emotion"] not in EMOS:
        errors.append(f"bad key in {k}")
for k in docs:
    if k not in keys:
        errors.append(f"no truth row for {k}")
texts = [v for (f, i), v in docs.items() if i]
if len(set(texts)) != len(texts):
    errors.append("duplicate survey/mbox texts")

ext = collections.Counter(os.path.splitext(f)[1] for f, _ in docs)
print("documents:", len(docs), dict(ext))
for col in ("relationship_form", "contact_reason", "emotion"):
    print(col, dict(collections.Counter(r[col] for r in truth).most_common()))
print("\n".join(errors) or "OK")
sys.exit(1 if errors else 0)
