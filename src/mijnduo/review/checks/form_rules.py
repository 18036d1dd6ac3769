"""Every rule of form.md, run again now by the one validator (no second copy of a rule)."""

from mijnduo.aanvraag.validator import validate
from mijnduo.registry.selectors import held_beheerautorisaties

from ..constants import CheckCode, CheckOutcome
from .base import CheckContext, CheckOutput, Finding, in_both_languages


def check_rules(context: CheckContext) -> CheckOutput:
    result = validate(context.application.submitted_document, held_lookup=held_beheerautorisaties)
    if result.is_valid:
        return CheckOutput(
            CheckCode.RULES,
            CheckOutcome.GREEN,
            (Finding("rules_ok"),),
            {"kind": str(result.kind), "problems": []},
        )
    findings = tuple(
        Finding(
            "rule_broken",
            {
                "rule": problem.rule,
                "name": problem.name,
                "code": problem.code,
                "reason": in_both_languages(lambda problem=problem: problem.reason),
            },
        )
        for problem in result.problems
    )
    evidence = {
        "problems": [{"name": p.name, "code": p.code, "rule": p.rule} for p in result.problems]
    }
    return CheckOutput(CheckCode.RULES, CheckOutcome.RED, findings, evidence)
