/**
 * Reads from the REST API. A read lost in transit (the connection closed before an answer:
 * apiFetch's `fetch_error`, "You are probably offline") is tried once more after a short pause:
 * a GET is harmless to repeat, and one dropped request would otherwise leave a screen showing
 * "offline" while the site answers. Refusals (4xx, 5xx) are answers and are not repeated.
 */
import apiFetch from '@wordpress/api-fetch';

const RETRY_AFTER_MS = 500;

export async function read( path ) {
	try {
		return await apiFetch( { path } );
	} catch ( error ) {
		if ( error?.code !== 'fetch_error' ) {
			throw error;
		}
		await new Promise( ( resolve ) =>
			setTimeout( resolve, RETRY_AFTER_MS )
		);
		return apiFetch( { path } );
	}
}
