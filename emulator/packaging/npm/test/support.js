'use strict';

const net = require('node:net');

/** Whether something accepts connections at `baseURL`. */
function accepts(baseURL) {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function createStudy(emulator, apiKey, studyInstanceUid) {
  return fetch(`${emulator.baseURL}/v1/viewer/studies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ severity: 'normal', studyDescription: 'packaging test', studyInstanceUid }),
  });
}

module.exports = { accepts, createStudy };
