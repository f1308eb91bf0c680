"""Output formats: a pack ``Document`` (see ``document``) made into PDF or audio."""
