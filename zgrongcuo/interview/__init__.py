"""The interview (`zgrongcuo ask`): questions one at a time, drafts and resuming."""
