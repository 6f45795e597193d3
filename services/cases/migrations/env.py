from cases.settings import CasesSettings
from cases.store.models import Base
from meshkit.migrations import run_env

run_env(Base.metadata, lambda: CasesSettings().migration_url())
