"""Stage: verify.  Hold a ruleset against what it should give: a published results table
(`results_table`, `audit`) and hand-computed test cases (`casetests`)."""
