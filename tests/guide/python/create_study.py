import os
from avara import Avara
client = Avara(
api_key=os.environ.get("AVARA_API_KEY"),
)
study = client.viewer.studies.create(
severity="normal",
study_description="Brain MRI with Contrast",
study_instance_uid="1.2.840.113619.2.55.3.604688119.868.1234567890.123",
)
