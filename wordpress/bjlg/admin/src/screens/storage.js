/**
 * Storage capacity: each destination's usage history and forecast (GET /storage, Bjlg\Sla),
 * the days to its threshold, the capacity plan's recommendations with their numbers, a
 * "measure now" button (POST /storage/samples), and the retention policy's purge plan (POST
 * /storage/purge-plan, a dry run) applied after a confirmation (POST /storage/purge).
 */
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Modal,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { STORE } from '../store';
import { formatBytes, formatTime } from '../format';
import { UsageChart } from '../components/usage-chart';
import { riskLabel } from '../components/risk';
import { NotLoaded } from '../components/not-loaded';

function isoOf( seconds ) {
	return seconds === null || seconds === undefined
		? null
		: new Date( seconds * 1000 ).toISOString().replace( '.000Z', 'Z' );
}

/**
 * A message of the extension in the reader's language (`{en, fr}`).
 * @param {Object} message The message in both languages.
 */
export function inLocale( message ) {
	const locale =
		document.getElementById( 'bjlg-admin-root' )?.dataset.locale || 'en';
	return locale.startsWith( 'fr' ) ? message.fr : message.en;
}

function Forecast( { forecast } ) {
	if ( ! forecast || forecast.model === 'none' ) {
		return (
			<p>
				{ __(
					'Not enough samples for a forecast yet: measure again later.',
					'bjlg'
				) }
			</p>
		);
	}
	return (
		<dl className="bjlg-facts">
			<div>
				<dt>{ __( 'Used', 'bjlg' ) }</dt>
				<dd>
					{ forecast.quota_bytes
						? sprintf(
								/* translators: 1: bytes used, 2: quota, 3: percentage. */
								__( '%1$s of %2$s (%3$s%%)', 'bjlg' ),
								formatBytes( forecast.current_used_bytes ),
								formatBytes( forecast.quota_bytes ),
								( forecast.current_ratio * 100 ).toFixed( 1 )
						  )
						: formatBytes( forecast.current_used_bytes ) }
				</dd>
			</div>
			<div>
				<dt>{ __( 'Growth', 'bjlg' ) }</dt>
				<dd>
					{ sprintf(
						/* translators: 1: bytes a day, 2: low bound, 3: high bound. */
						__( '%1$s a day (between %2$s and %3$s)', 'bjlg' ),
						formatBytes( Math.round( forecast.growth_bytes_per_day ) ),
						formatBytes(
							Math.round( forecast.growth_bytes_per_day_low )
						),
						formatBytes(
							Math.round( forecast.growth_bytes_per_day_high )
						)
					) }
				</dd>
			</div>
			<div>
				<dt>{ __( 'Days to threshold', 'bjlg' ) }</dt>
				<dd data-testid="bjlg-days-to-threshold">
					{ forecast.days_to_threshold === null
						? __( 'not within the horizon', 'bjlg' )
						: sprintf(
								/* translators: 1: number of days, 2: threshold in percent, 3: date, 4: earliest date, 5: latest date. */
								__(
									'%1$s days to %2$s%% of the quota, on %3$s (interval %4$s to %5$s)',
									'bjlg'
								),
								forecast.days_to_threshold.toFixed( 1 ),
								Math.round( forecast.threshold * 100 ),
								formatTime( isoOf( forecast.threshold_at ) ),
								formatTime( isoOf( forecast.threshold_at_low ) ),
								forecast.threshold_at_high === null
									? __( 'beyond the horizon', 'bjlg' )
									: formatTime(
											isoOf( forecast.threshold_at_high )
									  )
						  ) }
				</dd>
			</div>
			<div>
				<dt>{ __( 'Risk', 'bjlg' ) }</dt>
				<dd>{ riskLabel( forecast.risk_level ) }</dd>
			</div>
		</dl>
	);
}

function Destination( { item } ) {
	const { destination, samples, forecast } = item;
	return (
		<Card className="bjlg-destination">
			<CardHeader>
				<h3>
					{ sprintf(
						/* translators: 1: a destination's or a channel's name, 2: its type (local, s3, slack…). */
						__( '%1$s (%2$s)', 'bjlg' ),
						destination.name,
						destination.type
					) }
				</h3>
			</CardHeader>
			<CardBody>
				{ item.listing && (
					<Notice status="warning" isDismissible={ false }>
						{ sprintf(
							/* translators: 1: error code, 2: message. */
							__( 'Its archives could not be listed: [%1$s] %2$s', 'bjlg' ),
							item.listing.code,
							item.listing.message
						) }
					</Notice>
				) }
				<p>
					{ sprintf(
						/* translators: 1: number of samples, 2: number of archives. */
						_n(
							'%1$d usage sample recorded; %2$d archives listed.',
							'%1$d usage samples recorded; %2$d archives listed.',
							samples.length,
							'bjlg'
						),
						samples.length,
						item.archives
					) }
				</p>
				<UsageChart
					samples={ samples }
					forecast={ forecast }
					name={ destination.name }
				/>
				<Forecast forecast={ forecast } />
			</CardBody>
		</Card>
	);
}

function Recommendations( { recommendations } ) {
	if ( ! recommendations.length ) {
		return (
			<p>
				{ __(
					'No recommendation: no destination reaches its threshold within the horizon.',
					'bjlg'
				) }
			</p>
		);
	}
	return (
		<ol className="bjlg-recommendations">
			{ recommendations.map( ( r ) => (
				<li key={ `${ r.rank }-${ r.code }` }>
					<strong>{ inLocale( r.message ) }</strong>{ ' ' }
					{ sprintf(
						/* translators: 1: destination, 2: bytes, 3: days gained. */
						__( '(%1$s: %2$s, %3$s days gained)', 'bjlg' ),
						r.destination,
						formatBytes( r.bytes ),
						Number( r.days_gained ).toFixed( 1 )
					) }
				</li>
			) ) }
		</ol>
	);
}

function PlanTable( { plan } ) {
	const rows = Object.entries( plan.destinations ).flatMap(
		( [ name, d ] ) =>
			d.delete.map( ( a ) => ( { destination: name, ...a } ) )
	);
	return (
		<>
			{ Object.entries( plan.destinations )
				.filter( ( [ , d ] ) => d.error )
				.map( ( [ name, d ] ) => (
					<Notice key={ name } status="warning" isDismissible={ false }>
						{ sprintf(
							/* translators: 1: destination, 2: error code, 3: message. */
							__( '%1$s was not listed: [%2$s] %3$s', 'bjlg' ),
							name,
							d.error.code,
							d.error.message
						) }
					</Notice>
				) ) }
			<p data-testid="bjlg-plan-totals">
				{ sprintf(
					/* translators: 1: archives to delete, 2: bytes freed, 3: archives kept. */
					_n(
						'Deletes %1$d archive (%2$s freed), keeps %3$d.',
						'Deletes %1$d archives (%2$s freed), keeps %3$d.',
						plan.totals.delete,
						'bjlg'
					),
					plan.totals.delete,
					formatBytes( plan.totals.bytes_freed ),
					plan.totals.keep
				) }
			</p>
			{ rows.length > 0 && (
				<div className="bjlg-table-scroll">
					<table className="bjlg-table">
						<caption>{ __( 'Archives the plan deletes', 'bjlg' ) }</caption>
						<thead>
							<tr>
								<th scope="col">{ __( 'Destination', 'bjlg' ) }</th>
								<th scope="col">{ __( 'Archive', 'bjlg' ) }</th>
								<th scope="col">{ __( 'Size', 'bjlg' ) }</th>
								<th scope="col">{ __( 'Why', 'bjlg' ) }</th>
							</tr>
						</thead>
						<tbody>
							{ rows.map( ( r ) => (
								<tr key={ `${ r.destination }/${ r.name }` }>
									<td>{ r.destination }</td>
									<td>
										<code>{ r.name }</code>
									</td>
									<td>{ formatBytes( r.size ) }</td>
									<td>{ r.reason }</td>
								</tr>
							) ) }
						</tbody>
					</table>
				</div>
			) }
		</>
	);
}

function Purge() {
	const { reload } = useDispatch( STORE );
	const [ plan, setPlan ] = useState( null );
	const [ busy, setBusy ] = useState( false );
	const [ confirming, setConfirming ] = useState( false );
	const [ outcome, setOutcome ] = useState( null );
	const [ error, setError ] = useState( null );
	const makePlan = async () => {
		setBusy( true );
		setError( null );
		setOutcome( null );
		try {
			setPlan(
				await apiFetch( {
					path: '/bjlg/v1/storage/purge-plan',
					method: 'POST',
				} )
			);
		} catch ( e ) {
			setError( e.message || String( e ) );
		}
		setBusy( false );
	};
	const apply = async () => {
		setConfirming( false );
		setBusy( true );
		try {
			setOutcome(
				await apiFetch( {
					path: '/bjlg/v1/storage/purge',
					method: 'POST',
					data: { plan_id: plan.plan_id },
				} )
			);
			setPlan( null );
			await reload( 'storage' );
		} catch ( e ) {
			setError( e.message || String( e ) );
		}
		setBusy( false );
	};
	return (
		<>
			<p>
				{ __(
					'A dry run of the site’s retention policy on every destination: nothing is deleted until you apply it.',
					'bjlg'
				) }
			</p>
			<Button variant="secondary" onClick={ makePlan } disabled={ busy }>
				{ __( 'Plan a purge (dry run)', 'bjlg' ) }
			</Button>
			{ busy && <Spinner /> }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ outcome && (
				<Notice status={ outcome.failed ? 'error' : 'success' } isDismissible={ false }>
					{ sprintf(
						/* translators: 1: archives deleted, 2: bytes freed, 3: already gone, 4: failed. */
						_n(
							'Purge applied: %1$d archive deleted (%2$s freed), %3$d already gone, %4$d failed.',
							'Purge applied: %1$d archives deleted (%2$s freed), %3$d already gone, %4$d failed.',
							outcome.deleted,
							'bjlg'
						),
						outcome.deleted,
						formatBytes( outcome.bytes_freed ),
						outcome.already_gone,
						outcome.failed
					) }
				</Notice>
			) }
			{ plan && (
				<div data-testid="bjlg-purge-plan">
					<PlanTable plan={ plan } />
					{ plan.totals.delete > 0 && (
						<Button
							variant="primary"
							isDestructive
							onClick={ () => setConfirming( true ) }
							disabled={ busy }
						>
							{ __( 'Apply this plan…', 'bjlg' ) }
						</Button>
					) }
				</div>
			) }
			{ confirming && (
				<Modal
					title={ __( 'Delete these archives?', 'bjlg' ) }
					onRequestClose={ () => setConfirming( false ) }
				>
					<p>
						{ sprintf(
							/* translators: 1: number of archives, 2: bytes. */
							_n(
								'%1$d archive (%2$s) will be deleted from its destination. This cannot be undone.',
								'%1$d archives (%2$s) will be deleted from their destinations. This cannot be undone.',
								plan.totals.delete,
								'bjlg'
							),
							plan.totals.delete,
							formatBytes( plan.totals.bytes_freed )
						) }
					</p>
					<div className="bjlg-actions">
						<Button variant="tertiary" onClick={ () => setConfirming( false ) }>
							{ __( 'Cancel', 'bjlg' ) }
						</Button>
						<Button variant="primary" isDestructive onClick={ apply }>
							{ __( 'Delete the archives', 'bjlg' ) }
						</Button>
					</div>
				</Modal>
			) }
		</>
	);
}

function MeasureNow() {
	const { reload } = useDispatch( STORE );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState( null );
	const measure = async () => {
		setBusy( true );
		setError( null );
		try {
			await apiFetch( {
				path: '/bjlg/v1/storage/samples',
				method: 'POST',
			} );
			await reload( 'storage' );
			await reload( 'incidents' );
		} catch ( e ) {
			setError( e.message || String( e ) );
		}
		setBusy( false );
	};
	return (
		<>
			<Button variant="secondary" onClick={ measure } disabled={ busy }>
				{ __( 'Measure now', 'bjlg' ) }
			</Button>
			{ busy && <Spinner /> }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
		</>
	);
}

export function StorageScreen() {
	const { storage, error } = useSelect( ( select ) => {
		const store = select( STORE );
		return {
			storage: store.getStorage(),
			error: store.getError( 'storage' ),
		};
	}, [] );
	if ( error || ! storage ) {
		return <NotLoaded error={ error } />;
	}
	return (
		<div className="bjlg-admin">
			<Card>
				<CardHeader>
					<h2>{ __( 'Destinations', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					{ storage.destinations.length ? (
						<p>
							{ __(
								'Usage is sampled each time it is measured; the forecast needs samples over several days.',
								'bjlg'
							) }
						</p>
					) : (
						<p>{ __( 'This site has no destination.', 'bjlg' ) }</p>
					) }
					<MeasureNow />
				</CardBody>
			</Card>
			{ storage.destinations.map( ( item ) => (
				<Destination key={ item.destination.name } item={ item } />
			) ) }
			<Card>
				<CardHeader>
					<h2>{ __( 'Recommendations', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<Recommendations
						recommendations={ storage.recommendations }
					/>
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Purge plan', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<Purge />
				</CardBody>
			</Card>
		</div>
	);
}
