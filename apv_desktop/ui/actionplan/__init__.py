"""The action-plan stage: the plan with its follow-up, unit indicators and sick-leave
assessments, and the department reports for the main committee."""
