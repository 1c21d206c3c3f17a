import os
from avara import Avara
client = Avara(
api_key=os.environ.get("AVARA_API_KEY"),
)
response = client.viewer.studies.reroute_url(
study_id="stu_1234567890abcdef1234567890abcdef",
)
