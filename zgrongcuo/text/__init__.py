"""Words: the message catalogue and the sentences a determination is told in. Pure: no I/O."""
