import Avara from 'avara';
const client = new Avara({
apiKey: process.env['AVARA_API_KEY'],
});
const response = await client.viewer.studies.rerouteURL({
studyId: 'stu_1234567890abcdef1234567890abcdef',
});
