// Calls to the MusicEmotion HTTP API. Errors are problem details (application/problem+json) turned into ApiError.

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = problem && problem.code;
    this.retryAfter = retryAfter;
  }
}

let apiKey = '';

/** Sets the key sent with writes (X-Api-Key). */
export function setApiKey(key) {
  apiKey = key || '';
}

function writeHeaders(extra = {}) {
  return apiKey ? { ...extra, 'X-Api-Key': apiKey } : extra;
}

async function failure(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    problem = null;
  }
  const retryAfter = Number(response.headers.get('Retry-After')) || 0;
  return new ApiError(response.status, problem, retryAfter);
}

async function call(url, options = {}) {
  const response = await fetch(url, options);
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

export const getServerInfo = () => call('/api/server');
export const getTrack = (id) => call(`/api/tracks/${encodeURIComponent(id)}`);
export const getHarmony = (id) => call(`/api/tracks/${encodeURIComponent(id)}/harmony`);
export const getPage = (offset, limit) => call(`/api/tracks?offset=${offset}&limit=${limit}`);
export const deleteTrack = (id) => call(`/api/tracks/${encodeURIComponent(id)}`, { method: 'DELETE', headers: writeHeaders() });
export const similar = (id, k, similarity) =>
  call(`/api/tracks/${encodeURIComponent(id)}/similar?k=${k}&similarity=${encodeURIComponent(similarity)}`);
export const recommend = (body) =>
  call('/api/recommendations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
export const planJourney = (body) =>
  call('/api/journeys', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** Every track of the library, page by page. */
export async function getAllTracks() {
  const items = [];
  for (let offset = 0; ; ) {
    const page = await getPage(offset, 1000);
    items.push(...page.items);
    if (!page.hasMore || page.items.length === 0) return items;
    offset += page.items.length;
  }
}

/**
 * Uploads one file (multipart field "file") with progress: onProgress(fraction) while sending, onSent() once the
 * body is out (the server is then analysing). Resolves { status, track }; rejects with ApiError.
 */
export function uploadFile(file, onProgress, onSent) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/tracks');
    request.responseType = 'json';
    if (apiKey) request.setRequestHeader('X-Api-Key', apiKey);
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    request.upload.addEventListener('load', () => onSent());
    request.addEventListener('load', () => {
      if (request.status === 200 || request.status === 201) {
        resolve({ status: request.status, track: request.response });
      } else {
        const retryAfter = Number(request.getResponseHeader('Retry-After')) || 0;
        reject(new ApiError(request.status, request.response, retryAfter));
      }
    });
    request.addEventListener('error', () => reject(new ApiError(0, { detail: 'The connection failed (is the server running, or was the file too large?).' }, 0)));
    request.addEventListener('abort', () => reject(new ApiError(0, { detail: 'Upload cancelled.' }, 0)));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
