import os

from sqlalchemy import MetaData

from meshkit.migrations import run_env

run_env(MetaData(), lambda: os.environ["FAKESVC_DATABASE_URL"])
