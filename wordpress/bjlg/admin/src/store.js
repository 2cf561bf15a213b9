/**
 * The screens' data: GET /status, GET /backups, GET /storage, GET /incidents and the
 * verifications started from this page, in one @wordpress/data store so that a verification
 * updates the list and the overview alike, and an acknowledgement the overview's incidents.
 */
import { createReduxStore, register } from '@wordpress/data';
import apiFetch from '@wordpress/api-fetch';
import { read } from './fetch';

export const STORE = 'bjlg/admin';

const DEFAULT = {
	status: null,
	backups: null,
	storage: null,
	incidents: null,
	errors: {},
	verifications: {},
};

const PATHS = {
	status: '/bjlg/v1/status',
	backups: '/bjlg/v1/backups',
	storage: '/bjlg/v1/storage',
	incidents: '/bjlg/v1/incidents',
};

function reducer( state = DEFAULT, action ) {
	switch ( action.type ) {
		case 'RECEIVE':
			return {
				...state,
				[ action.key ]: action.value,
				errors: { ...state.errors, [ action.key ]: null },
			};
		case 'FAIL':
			return {
				...state,
				errors: { ...state.errors, [ action.key ]: action.message },
			};
		case 'VERIFICATION':
			return {
				...state,
				verifications: {
					...state.verifications,
					[ action.name ]: action.verification,
				},
			};
	}
	return state;
}

const load =
	( key, path ) =>
	async ( { dispatch } ) => {
		try {
			dispatch( {
				type: 'RECEIVE',
				key,
				value: await read( path ),
			} );
		} catch ( error ) {
			dispatch( {
				type: 'FAIL',
				key,
				message: error.message || String( error ),
			} );
		}
	};

const actions = {
	/**
	 * Reads one of the store's keys again (after a write that changed it).
	 * @param {string} key status, backups, storage or incidents.
	 */
	reload: ( key ) => load( key, PATHS[ key ] ),
	refresh:
		() =>
		async ( { dispatch } ) => {
			await Promise.all( [
				dispatch( load( 'status', '/bjlg/v1/status' ) ),
				dispatch( load( 'backups', '/bjlg/v1/backups' ) ),
			] );
		},
	verify:
		( name ) =>
		async ( { dispatch } ) => {
			dispatch( {
				type: 'VERIFICATION',
				name,
				verification: { state: 'running' },
			} );
			let verification;
			try {
				const summary = await apiFetch( {
					path: `/bjlg/v1/backups/${ encodeURIComponent( name ) }/verify`,
					method: 'POST',
				} );
				verification = { state: 'done', summary };
			} catch ( error ) {
				verification = {
					state: 'error',
					message: error.message || String( error ),
				};
			}
			dispatch( { type: 'VERIFICATION', name, verification } );
			// The list shows each archive's last verification: read it again from the history.
			await dispatch( load( 'backups', '/bjlg/v1/backups' ) );
		},
};

const selectors = {
	getStatus: ( state ) => state.status,
	getBackups: ( state ) => state.backups,
	getError: ( state, key ) => state.errors[ key ] || null,
	getVerification: ( state, name ) => state.verifications[ name ] || null,
	getStorage: ( state ) => state.storage,
	getIncidents: ( state ) => state.incidents,
};

const resolvers = {
	getStatus: () => load( 'status', '/bjlg/v1/status' ),
	getBackups: () => load( 'backups', '/bjlg/v1/backups' ),
	getStorage: () => load( 'storage', PATHS.storage ),
	getIncidents: () => load( 'incidents', PATHS.incidents ),
};

register(
	createReduxStore( STORE, { reducer, actions, selectors, resolvers } )
);
