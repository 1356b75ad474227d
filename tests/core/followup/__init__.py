"""Tests of the follow-up of resolutions: the lifecycle and the home page's figures."""
