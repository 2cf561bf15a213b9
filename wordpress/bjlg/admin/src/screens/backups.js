/**
 * The backups and their restore proofs: the archives from GET /backups, filtered by name, by
 * verification, by restore test and by date; each one's last verification report (GET
 * /backups/{name}/verification) and restore test report (GET /backups/{name}/restore-test);
 * Verify and Restore test start a background job (POST /jobs, POST
 * /backups/{name}/restore-test with mode background) watched until it ends (GET /jobs/{id}:
 * phase, done of total, a progress bar, Cancel), then its report. **Restore** after a
 * confirmation (restore-button.js); the site's recent jobs, started here or elsewhere
 * (jobs-panel.js).
 */
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import {
	Button,
	Notice,
	SearchControl,
	SelectControl,
	Spinner,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { FINISHED, STORE } from '../store';
import { read } from '../fetch';
import { formatBytes, formatTime } from '../format';
import {
	outcomeLabel,
	VerificationStatus,
} from '../components/verification-status';
import { VerificationReport } from '../components/verification-report';
import {
	formatDuration,
	RestoreTestReport,
} from '../components/restore-test-report';
import { JobProgress } from '../components/job-progress';
import { NotLoaded } from '../components/not-loaded';
import { RestoreButton } from '../components/restore-button';
import { JobsPanel } from '../components/jobs-panel';

const DAY_MS = 86400 * 1000;

const VERIFICATION_FILTERS = () => [
	{ value: 'all', label: __( 'All', 'bjlg' ) },
	{ value: 'passed', label: __( 'Verified', 'bjlg' ) },
	{ value: 'failed', label: __( 'Verification failed', 'bjlg' ) },
	{ value: 'none', label: __( 'Not verified', 'bjlg' ) },
];

const RESTORE_FILTERS = () => [
	{ value: 'all', label: __( 'All', 'bjlg' ) },
	{ value: 'passed', label: __( 'Restore test passed', 'bjlg' ) },
	{ value: 'failed', label: __( 'Restore test failed', 'bjlg' ) },
	{ value: 'none', label: __( 'Not restore-tested', 'bjlg' ) },
];

const DATE_FILTERS = () => [
	{ value: 'all', label: __( 'Any date', 'bjlg' ) },
	{ value: '1', label: __( 'Last 24 hours', 'bjlg' ) },
	{ value: '7', label: __( 'Last 7 days', 'bjlg' ) },
	{ value: '30', label: __( 'Last 30 days', 'bjlg' ) },
	{ value: 'older', label: __( 'Older than 30 days', 'bjlg' ) },
];

/** Reports of a check that ran to its end (the others have no report to show). */
const REPORTED = [ 'passed', 'failed', 'inconclusive' ];

function matches( backup, { search, verification, restore, date }, now ) {
	if (
		search &&
		! backup.name.toLowerCase().includes( search.toLowerCase() )
	) {
		return false;
	}
	const verified = backup.verification?.status || 'none';
	if ( verification !== 'all' && verified !== verification ) {
		return false;
	}
	const tested = backup.restore_test?.status || 'none';
	if ( restore !== 'all' && tested !== restore ) {
		return false;
	}
	if ( date !== 'all' ) {
		const age = now - Date.parse( backup.modified );
		return date === 'older'
			? age > 30 * DAY_MS
			: age <= Number( date ) * DAY_MS;
	}
	return true;
}

export function restoreTestLabel( test ) {
	switch ( test?.status ) {
		case 'passed':
			return __( 'Restore test passed', 'bjlg' );
		case 'failed':
			return __( 'Restore test failed', 'bjlg' );
		case 'inconclusive':
			return __( 'Restore test inconclusive', 'bjlg' );
		case 'error':
			return __( 'Restore test could not run', 'bjlg' );
	}
	return __( 'Not restore-tested', 'bjlg' );
}

function RestoreTestStatus( { test } ) {
	const status = test?.status || 'none';
	return (
		<span className={ `bjlg-restore-test bjlg-restore-test--${ status }` }>
			{ restoreTestLabel( test ) }
			{ test?.rto_seconds !== null && test?.rto_seconds !== undefined && (
				<>
					{ ' ' }
					{ sprintf(
						/* translators: %s: a duration. */
						__( '(RTO %s)', 'bjlg' ),
						formatDuration( test.rto_seconds )
					) }
				</>
			) }
			{ test?.tested_at && (
				<span className="bjlg-verification__when">
					{ ' ' }
					{ formatTime( test.tested_at ) }
				</span>
			) }
		</span>
	);
}

/**
 * A report read on demand: a button that shows it (one GET) and hides it.
 * @param {Object}   props
 * @param {string}   props.path   The route.
 * @param {string}   props.label  The button's accessible name.
 * @param {string}   props.stamp  Changes when a newer report exists (read again).
 * @param {Function} props.render Renders the report.
 */
function StoredReport( { path, label, stamp, render } ) {
	const [ shown, setShown ] = useState( null );
	const [ error, setError ] = useState( null );
	const [ busy, setBusy ] = useState( false );
	const open = shown && shown.stamp === stamp;
	const toggle = async () => {
		if ( open ) {
			setShown( null );
			return;
		}
		setBusy( true );
		setError( null );
		try {
			setShown( { stamp, report: await read( path ) } );
		} catch ( e ) {
			setError( e.message || String( e ) );
		}
		setBusy( false );
	};
	return (
		<div className="bjlg-stored-report">
			<Button
				variant="link"
				onClick={ toggle }
				aria-expanded={ !! open }
				aria-label={ label }
				disabled={ busy }
			>
				{ open
					? __( 'Hide the report', 'bjlg' )
					: __( 'Show the report', 'bjlg' ) }
			</Button>
			{ busy && <Spinner /> }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ open && render( shown.report ) }
		</div>
	);
}

function verificationResult( name ) {
	return ( summary ) => (
		<Notice
			status={ summary.status === 'passed' ? 'success' : 'error' }
			isDismissible={ false }
		>
			<p>
				{ sprintf(
					/* translators: 1: archive name, 2: passed, failed or inconclusive, 3: the verifier's message. */
					__( 'Verification of %1$s: %2$s (%3$s)', 'bjlg' ),
					summary.archive || name,
					outcomeLabel( summary.status ),
					summary.message
				) }
			</p>
			<VerificationReport summary={ summary } />
		</Notice>
	);
}

function restoreTestResult( name ) {
	return ( summary ) => (
		<Notice
			status={ summary.status === 'passed' ? 'success' : 'error' }
			isDismissible={ false }
		>
			<p>
				{ sprintf(
					/* translators: 1: archive name, 2: passed, failed or inconclusive, 3: the first problem, or that all checks passed. */
					__( 'Restore test of %1$s: %2$s (%3$s)', 'bjlg' ),
					name,
					outcomeLabel( summary.status ),
					summary.message
				) }
			</p>
			<RestoreTestReport summary={ summary } />
		</Notice>
	);
}

function Row( { backup } ) {
	const { startJob } = useDispatch( STORE );
	const { verifyJob, restoreJob } = useSelect(
		( select ) => ( {
			verifyJob: select( STORE ).getJob( 'verify', backup.name ),
			restoreJob: select( STORE ).getJob( 'restore-test', backup.name ),
		} ),
		[ backup.name ]
	);
	const busy = ( watched ) =>
		!! watched &&
		( watched.starting ||
			( watched.job && ! FINISHED.includes( watched.job.state ) ) );
	const encoded = encodeURIComponent( backup.name );
	return (
		<tr>
			<td className="bjlg-name" data-label={ __( 'Archive', 'bjlg' ) }>
				{ backup.name }
			</td>
			<td data-label={ __( 'Size', 'bjlg' ) }>
				{ formatBytes( backup.bytes ) }
			</td>
			<td data-label={ __( 'Written', 'bjlg' ) }>
				{ formatTime( backup.modified ) }
			</td>
			<td data-label={ __( 'Verification', 'bjlg' ) }>
				<VerificationStatus verification={ backup.verification } />
				{ REPORTED.includes( backup.verification?.status ) && (
					<StoredReport
						path={ `/bjlg/v1/backups/${ encoded }/verification` }
						stamp={ backup.verification.history_id }
						label={ sprintf(
							/* translators: %s: archive name. */
							__( 'Verification report of %s', 'bjlg' ),
							backup.name
						) }
						render={ verificationResult( backup.name ) }
					/>
				) }
				<div aria-live="polite">
					{ verifyJob && (
						<JobProgress
							kind="verify"
							name={ backup.name }
							watched={ verifyJob }
						>
							{ verificationResult( backup.name ) }
						</JobProgress>
					) }
				</div>
			</td>
			<td data-label={ __( 'Restore test', 'bjlg' ) }>
				<RestoreTestStatus test={ backup.restore_test } />
				{ REPORTED.includes( backup.restore_test?.status ) && (
					<StoredReport
						path={ `/bjlg/v1/backups/${ encoded }/restore-test` }
						stamp={ backup.restore_test.history_id }
						label={ sprintf(
							/* translators: %s: archive name. */
							__( 'Restore test report of %s', 'bjlg' ),
							backup.name
						) }
						render={ restoreTestResult( backup.name ) }
					/>
				) }
				<div aria-live="polite">
					{ restoreJob && (
						<JobProgress
							kind="restore-test"
							name={ backup.name }
							watched={ restoreJob }
						>
							{ restoreTestResult( backup.name ) }
						</JobProgress>
					) }
				</div>
			</td>
			<td>
				<div className="bjlg-actions">
					<Button
						variant="secondary"
						onClick={ () => startJob( 'verify', backup.name ) }
						disabled={ busy( verifyJob ) }
						isBusy={ busy( verifyJob ) }
						aria-label={ sprintf(
							/* translators: %s: archive name. */
							__( 'Verify %s', 'bjlg' ),
							backup.name
						) }
					>
						{ __( 'Verify', 'bjlg' ) }
					</Button>
					<Button
						variant="secondary"
						onClick={ () =>
							startJob( 'restore-test', backup.name )
						}
						disabled={ busy( restoreJob ) }
						isBusy={ busy( restoreJob ) }
						aria-label={ sprintf(
							/* translators: %s: archive name. */
							__( 'Restore test %s', 'bjlg' ),
							backup.name
						) }
					>
						{ __( 'Restore test', 'bjlg' ) }
					</Button>
					<RestoreButton backup={ backup } />
				</div>
			</td>
		</tr>
	);
}

export function BackupsScreen() {
	const { backups, error } = useSelect(
		( select ) => ( {
			backups: select( STORE ).getBackups(),
			error: select( STORE ).getError( 'backups' ),
		} ),
		[]
	);
	const [ filters, setFilters ] = useState( {
		search: '',
		verification: 'all',
		restore: 'all',
		date: 'all',
	} );
	const set = ( key ) => ( value ) =>
		setFilters( ( f ) => ( { ...f, [ key ]: value } ) );
	if ( error || ! backups ) {
		return <NotLoaded error={ error } />;
	}
	const now = Date.now();
	const shown = backups.backups.filter( ( backup ) =>
		matches( backup, filters, now )
	);
	return (
		<div className="bjlg-admin bjlg-admin--wide">
			<div className="bjlg-filters">
				<SearchControl
					__nextHasNoMarginBottom
					label={ __( 'Filter by name', 'bjlg' ) }
					value={ filters.search }
					onChange={ set( 'search' ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Verification', 'bjlg' ) }
					value={ filters.verification }
					options={ VERIFICATION_FILTERS() }
					onChange={ set( 'verification' ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Restore test', 'bjlg' ) }
					value={ filters.restore }
					options={ RESTORE_FILTERS() }
					onChange={ set( 'restore' ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Written', 'bjlg' ) }
					value={ filters.date }
					options={ DATE_FILTERS() }
					onChange={ set( 'date' ) }
				/>
			</div>
			<p role="status">
				{ sprintf(
					/* translators: 1: archives shown, 2: all archives. */
					__( '%1$d of %2$d archives shown.', 'bjlg' ),
					shown.length,
					backups.total
				) }
			</p>
			<table className="bjlg-table">
				<caption className="screen-reader-text">
					{ __( 'Archives of this site, newest first', 'bjlg' ) }
				</caption>
				<thead>
					<tr>
						<th scope="col">{ __( 'Archive', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Size', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Written', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Verification', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Restore test', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Actions', 'bjlg' ) }</th>
					</tr>
				</thead>
				<tbody>
					{ shown.map( ( backup ) => (
						<Row key={ backup.name } backup={ backup } />
					) ) }
				</tbody>
			</table>
			<JobsPanel />
		</div>
	);
}
