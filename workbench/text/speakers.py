"""Who a speaker label names: the customer, an adviser, or someone else.

Shared by the transcript importer (a label that names a role is a speaker even when it occurs once, as
the adviser often does in a short call excerpt) and by the units that carry the customer's voice
(`workbench/suggest/units.py`, where a project can override the role of any label).
"""

from __future__ import annotations

import re

from workbench.text.normalise import fold

ROLES = ("client", "agent", "other")

# Matched on the folded label's first word(s): "Conseillère Julie" is an adviser, "Mme Durand" a customer.
_CLIENT_LABEL = re.compile(
    r"(client|cliente|clients|appelant|appelante|usager|usagere|abonne|abonnee|assure|assuree|consommateur|"
    r"consommatrice|customer|caller|participant|participante|interviewe|interviewee|repondant|repondante|"
    r"mme|madame|mlle|mademoiselle|m|mr|monsieur|locataire|patient|patiente|beneficiaire)\b")
_AGENT_LABEL = re.compile(
    r"(conseiller|conseillere|agent|teleconseiller|teleconseillere|operateur|operatrice|operator|advisor|"
    r"adviser|support|service|hotline|charge|chargee|assistant|assistante|enqueteur|enquetrice|interviewer|"
    r"intervieweur|intervieweuse|animateur|animatrice|moderateur|moderatrice|vendeur|vendeuse|technicien|"
    r"technicienne|accueil|standard|standardiste|gestionnaire|expert|experte)\b")


def detect_role(label: str) -> str:
    """'client', 'agent' or 'other' for a speaker label, from its first words."""
    folded = fold(label).strip()
    if _AGENT_LABEL.match(folded):
        return "agent"
    if _CLIENT_LABEL.match(folded):
        return "client"
    return "other"
