"""Privacy: the unlock screen of encrypted data, the idle lock, and Settings › Privacy."""
