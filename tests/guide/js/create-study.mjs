import Avara from 'avara';
const avara = new Avara({
apiKey: process.env.AVARA_API_KEY
});
const study = await avara.viewer.studies.create({
studyUid: '1.3.6.1.4.1.543245.54356543',
studyDescription: 'Coronary CT Angiogram',
severity: 'normal',
});
