"""Care: the support panel, the quiet line after a run of heavy days, and the person's own support details."""
