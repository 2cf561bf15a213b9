/**
 * The overview: the last backups with their verification, the schedule's next runs and missed
 * runs, from GET /status and GET /backups.
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import {
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { STORE } from '../store';
import { formatBytes, formatTime } from '../format';
import { VerificationStatus } from '../components/verification-status';
import { AT_RISK, riskLabel } from '../components/risk';
import { statusLabel, utc } from './incidents';
import { NoSchedule } from '../components/no-schedule';
import { NotLoaded } from '../components/not-loaded';
import { formatDuration } from '../components/restore-test-report';

const SHOWN = 5;

function Schedule( { schedule } ) {
	if ( ! schedule.enabled ) {
		return <NoSchedule />;
	}
	return (
		<>
			<p>
				{ sprintf(
					/* translators: 1: cron expression, 2: time zone. */
					__( 'Expression %1$s in %2$s.', 'bjlg' ),
					schedule.cron,
					schedule.timezone
				) }
			</p>
			{ schedule.overdue && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'The next run is overdue: WP-Cron is not running. Set up a system cron (docs/wordpress.md).',
						'bjlg'
					) }
				</Notice>
			) }
			<h3>{ __( 'Next runs', 'bjlg' ) }</h3>
			<ol className="bjlg-runs">
				{ schedule.next_runs.map( ( run ) => (
					<li key={ run }>
						<time dateTime={ run }>{ formatTime( run ) }</time>
					</li>
				) ) }
			</ol>
			{ schedule.missed_total > 0 && (
				<p>
					{ sprintf(
						/* translators: %d: number of missed runs. */
						_n(
							'%d scheduled run missed so far.',
							'%d scheduled runs missed so far.',
							schedule.missed_total,
							'bjlg'
						),
						schedule.missed_total
					) }
				</p>
			) }
		</>
	);
}

/**
 * The last backup job from the history (GET /status `last_backup`): a failure leaves no archive,
 * so the archives list alone would hide it.
 *
 * @param {Object} props
 * @param {Object} props.last     `last_backup`, or null.
 * @param {string} props.timezone The site's zone: the history's times are the site's clock.
 */
function LastBackup( { last, timezone } ) {
	if ( ! last ) {
		return null;
	}
	const when = `${ last.timestamp } (${ timezone })`;
	if ( last.status === 'failure' ) {
		return (
			<Notice status="error" isDismissible={ false }>
				<p>
					{ sprintf(
						/* translators: 1: date and time, 2: why it failed. */
						__( 'The last backup, %1$s, failed: %2$s', 'bjlg' ),
						when,
						last.details
					) }
				</p>
			</Notice>
		);
	}
	return (
		<p>
			{ sprintf(
				/* translators: 1: date and time, 2: archive name. */
				__( 'The last backup, %1$s, succeeded: %2$s.', 'bjlg' ),
				when,
				last.archive
			) }
		</p>
	);
}

function LastBackups( { backups } ) {
	if ( ! backups.length ) {
		return <p>{ __( 'No backup yet.', 'bjlg' ) }</p>;
	}
	return (
		<ul className="bjlg-last-backups">
			{ backups.slice( 0, SHOWN ).map( ( backup ) => (
				<li key={ backup.name }>
					<code>{ backup.name }</code> —{ ' ' }
					{ formatBytes( backup.bytes ) },{ ' ' }
					{ formatTime( backup.modified ) } —{ ' ' }
					<VerificationStatus verification={ backup.verification } />
				</li>
			) ) }
		</ul>
	);
}

/**
 * The incidents not resolved yet (GET /incidents), each with its status and a link to act on it.
 * @param {Object} props
 * @param {Object} props.incidents GET /incidents, or null while it loads.
 * @param {string} props.error     Why it could not be read.
 */
function OpenIncidents( { incidents, error } ) {
	if ( error || ! incidents ) {
		return <NotLoaded error={ error } />;
	}
	const open = incidents.incidents.filter( ( i ) => i.status !== 'resolved' );
	if ( ! open.length ) {
		return <p>{ __( 'No open incident.', 'bjlg' ) }</p>;
	}
	return (
		<ul className="bjlg-open-incidents">
			{ open.map( ( i ) => (
				<li key={ i.id }>
					<a href="admin.php?page=bjlg-incidents">{ i.title }</a> —{ ' ' }
					{ statusLabel( i.status ) }, { utc( i.created_at ) }
				</li>
			) ) }
		</ul>
	);
}

/**
 * The destinations whose forecast reaches the threshold within 90 days (GET /storage).
 * @param {Object} props
 * @param {Object} props.storage GET /storage, or null while it loads.
 * @param {string} props.error   Why it could not be read.
 */
function AtRisk( { storage, error } ) {
	if ( error || ! storage ) {
		return <NotLoaded error={ error } />;
	}
	const risky = storage.destinations.filter( ( d ) =>
		AT_RISK.includes( d.forecast?.risk_level )
	);
	if ( ! risky.length ) {
		return (
			<p>
				{ sprintf(
					/* translators: %d: number of destinations. */
					_n(
						'No destination at risk (%d destination).',
						'No destination at risk (%d destinations).',
						storage.destinations.length,
						'bjlg'
					),
					storage.destinations.length
				) }
			</p>
		);
	}
	return (
		<ul className="bjlg-at-risk">
			{ risky.map( ( d ) => (
				<li key={ d.destination.name }>
					<a href="admin.php?page=bjlg-storage">{ d.destination.name }</a> —{ ' ' }
					{ riskLabel( d.forecast.risk_level ) }
					{ d.forecast.days_to_threshold !== null &&
						sprintf(
							/* translators: %s: number of days. */
							__( ' (%s days to threshold)', 'bjlg' ),
							d.forecast.days_to_threshold.toFixed( 1 )
						) }
				</li>
			) ) }
		</ul>
	);
}

/**
 * The RPO now (GET /rpo): the age of the last good backup (the newest archive a verification or
 * a restore test passed) against the target, in words: on target or late.
 * @param {Object} props
 * @param {Object} props.rpo   GET /rpo, or null while it loads.
 * @param {string} props.error Why it could not be read.
 */
function Rpo( { rpo, error } ) {
	if ( error || ! rpo ) {
		return <NotLoaded error={ error } />;
	}
	const target = formatDuration( rpo.target.seconds );
	const late = rpo.state !== 'ok';
	return (
		<div className={ `bjlg-rpo bjlg-rpo--${ late ? 'late' : 'ok' }` }>
			<p data-testid="bjlg-rpo-state">
				{ late
					? sprintf(
							/* translators: %s: the RPO target, a duration. */
							__( 'Late: the RPO is over its target of %s.', 'bjlg' ),
							target
					  )
					: sprintf(
							/* translators: %s: the RPO target, a duration. */
							__( 'On target: the RPO is within %s.', 'bjlg' ),
							target
					  ) }
			</p>
			{ rpo.last_good ? (
				<p>
					{ sprintf(
						/* translators: 1: a duration, 2: archive name, 3: date and time, 4: how it was proven (verified, restore-tested). */
						__( 'RPO now: %1$s, the age of %2$s, written %3$s and %4$s.', 'bjlg' ),
						formatDuration( rpo.rpo_seconds ),
						rpo.last_good.name,
						formatTime( rpo.last_good.written_at ),
						rpo.last_good.restore_tested
							? __( 'restore-tested', 'bjlg' )
							: __( 'verified', 'bjlg' )
					) }
				</p>
			) : (
				<p>
					{ __(
						'No good backup: no archive has passed a verification or a restore test.',
						'bjlg'
					) }
				</p>
			) }
			{ rpo.unproven_newer > 0 && (
				<p>
					{ sprintf(
						/* translators: %d: number of archives. */
						_n(
							'%d newer archive is not counted: no verification or restore test has passed on it.',
							'%d newer archives are not counted: no verification or restore test has passed on them.',
							rpo.unproven_newer,
							'bjlg'
						),
						rpo.unproven_newer
					) }
				</p>
			) }
			<p className="bjlg-help">
				{ rpo.target.source === 'setting'
					? __( 'Target from the site’s RPO/RTO targets (Settings: PUT /settings/targets).', 'bjlg' )
					: __( 'Default target (the site’s RPO target is not set).', 'bjlg' ) }
			</p>
		</div>
	);
}

export function OverviewScreen() {
	const { status, backups, error } = useSelect( ( select ) => {
		const store = select( STORE );
		return {
			status: store.getStatus(),
			backups: store.getBackups(),
			error: store.getError( 'status' ) || store.getError( 'backups' ),
		};
	}, [] );
	const watch = useSelect( ( select ) => {
		const store = select( STORE );
		return {
			incidents: store.getIncidents(),
			incidentsError: store.getError( 'incidents' ),
			storage: store.getStorage(),
			storageError: store.getError( 'storage' ),
			rpo: store.getRpo(),
			rpoError: store.getError( 'rpo' ),
		};
	}, [] );
	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! status || ! backups ) {
		return <Spinner />;
	}
	return (
		<div className="bjlg-admin">
			<Card>
				<CardHeader>
					<h2>{ __( 'Last backups', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<p>
						{ sprintf(
							/* translators: 1: number of archives, 2: their total size. */
							_n(
								'%1$d archive, %2$s.',
								'%1$d archives, %2$s.',
								status.backups.count,
								'bjlg'
							),
							status.backups.count,
							formatBytes( status.backups.bytes )
						) }
					</p>
					<LastBackup
						last={ status.last_backup }
						timezone={ status.schedule.timezone }
					/>
					<LastBackups backups={ backups.backups } />
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Recovery point (RPO)', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<Rpo rpo={ watch.rpo } error={ watch.rpoError } />
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Open incidents', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<OpenIncidents
						incidents={ watch.incidents }
						error={ watch.incidentsError }
					/>
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Destinations at risk', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<AtRisk storage={ watch.storage } error={ watch.storageError } />
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Schedule', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<Schedule schedule={ status.schedule } />
				</CardBody>
			</Card>
		</div>
	);
}
