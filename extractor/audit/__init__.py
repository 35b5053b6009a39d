"""The audit stage: the checks an auditor makes by hand, as findings with their page and place.

`audit(doc)` reads a contract document (never the PDF) and returns its findings (spec/output-contract.md,
"Findings"); thresholds come from rules.toml beside this file, or a rules file given to `load_rules`.
"""

from extractor.audit.config import load_rules
from extractor.audit.runner import RULES, audit

__all__ = ["RULES", "audit", "load_rules"]
