/**
 * The screens' data: GET /status, GET /backups, GET /storage, GET /incidents, GET /rpo,
 * GET /network/status and the jobs (verifications, restore tests) started from this page and
 * watched until they end, in one @wordpress/data store so that a verification updates the list
 * and the overview alike, and an acknowledgement the overview's incidents.
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
	rpo: null,
	network: null,
	owners: null,
	errors: {},
	jobs: {},
};

/** Job states in which nothing runs any more (class-jobs.php, Jobs::FINISHED). */
export const FINISHED = [ 'done', 'failed', 'cancelled' ];

/** How often a running job's record is read again. */
const POLL_MS = 1000;

const PATHS = {
	status: '/bjlg/v1/status',
	backups: '/bjlg/v1/backups',
	storage: '/bjlg/v1/storage',
	incidents: '/bjlg/v1/incidents',
	rpo: '/bjlg/v1/rpo',
	network: '/bjlg/v1/network/status',
	owners: '/bjlg/v1/incidents/owners',
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
		case 'JOB':
			return {
				...state,
				jobs: {
					...state.jobs,
					[ `${ action.kind }:${ action.name }` ]: {
						...state.jobs[ `${ action.kind }:${ action.name }` ],
						...action.value,
					},
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
	/**
	 * Starts a verification (POST /jobs type verify) or a restore test (POST
	 * /backups/{name}/restore-test) of an archive as a background job, then watches it.
	 * @param {string} kind verify or restore-test.
	 * @param {string} name The archive.
	 */
	startJob:
		( kind, name ) =>
		async ( { dispatch } ) => {
			dispatch( {
				type: 'JOB',
				kind,
				name,
				value: { job: null, error: null, starting: true },
			} );
			let job;
			try {
				job = await apiFetch(
					kind === 'verify'
						? {
								path: '/bjlg/v1/jobs',
								method: 'POST',
								data: { type: 'verify', archive: name, mode: 'background' },
						  }
						: {
								path: `/bjlg/v1/backups/${ encodeURIComponent( name ) }/restore-test`,
								method: 'POST',
								data: { mode: 'background' },
						  }
				);
			} catch ( error ) {
				dispatch( {
					type: 'JOB',
					kind,
					name,
					value: { starting: false, error: error.message || String( error ) },
				} );
				return;
			}
			dispatch( { type: 'JOB', kind, name, value: { starting: false, job } } );
			await dispatch( watchJob( kind, name, job.id ) );
		},
	/**
	 * Asks the job to stop (POST /jobs/{id}/cancel); the watch sees it end.
	 * @param {string} kind verify or restore-test.
	 * @param {string} name The archive.
	 * @param {number} id   The job.
	 */
	cancelJob:
		( kind, name, id ) =>
		async ( { dispatch } ) => {
			try {
				const job = await apiFetch( {
					path: `/bjlg/v1/jobs/${ id }/cancel`,
					method: 'POST',
				} );
				dispatch( { type: 'JOB', kind, name, value: { job } } );
			} catch ( error ) {
				// 409 bjlg_job_finished: it ended meanwhile, and the watch reads how.
				if ( error?.code !== 'bjlg_job_finished' ) {
					dispatch( {
						type: 'JOB',
						kind,
						name,
						value: { error: error.message || String( error ) },
					} );
				}
			}
		},
};

/**
 * Reads GET /jobs/{id} every POLL_MS until the job has ended, then the archives again (the list
 * shows each one's last verification and restore test, from the history) and the RPO.
 * @param {string} kind verify or restore-test.
 * @param {string} name The archive.
 * @param {number} id   The job.
 */
const watchJob =
	( kind, name, id ) =>
	async ( { dispatch } ) => {
		for ( ;; ) {
			await new Promise( ( resolve ) => setTimeout( resolve, POLL_MS ) );
			let job;
			try {
				job = await read( `/bjlg/v1/jobs/${ id }` );
			} catch ( error ) {
				dispatch( {
					type: 'JOB',
					kind,
					name,
					value: { error: error.message || String( error ) },
				} );
				return;
			}
			dispatch( { type: 'JOB', kind, name, value: { job } } );
			if ( FINISHED.includes( job.state ) ) {
				break;
			}
		}
		await Promise.all( [
			dispatch( load( 'backups', PATHS.backups ) ),
			dispatch( load( 'rpo', PATHS.rpo ) ),
		] );
	};

const selectors = {
	getStatus: ( state ) => state.status,
	getBackups: ( state ) => state.backups,
	getError: ( state, key ) => state.errors[ key ] || null,
	/**
	 * The job started from this page on an archive: { job (GET /jobs/{id}), error, starting }.
	 * @param {Object} state The store.
	 * @param {string} kind  verify or restore-test.
	 * @param {string} name  The archive.
	 */
	getJob: ( state, kind, name ) => state.jobs[ `${ kind }:${ name }` ] || null,
	getRpo: ( state ) => state.rpo,
	getNetwork: ( state ) => state.network,
	getOwners: ( state ) => state.owners,
	getStorage: ( state ) => state.storage,
	getIncidents: ( state ) => state.incidents,
};

const resolvers = {
	getStatus: () => load( 'status', '/bjlg/v1/status' ),
	getBackups: () => load( 'backups', '/bjlg/v1/backups' ),
	getStorage: () => load( 'storage', PATHS.storage ),
	getIncidents: () => load( 'incidents', PATHS.incidents ),
	getRpo: () => load( 'rpo', PATHS.rpo ),
	getNetwork: () => load( 'network', PATHS.network ),
	getOwners: () => load( 'owners', PATHS.owners ),
};

register(
	createReduxStore( STORE, { reducer, actions, selectors, resolvers } )
);
