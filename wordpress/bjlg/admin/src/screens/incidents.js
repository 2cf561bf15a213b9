/**
 * Incidents (GET /incidents, Bjlg\Notify\Incident): the open ones with their timeline, each
 * acknowledged or resolved with a note (POST /incidents/{id}/acknowledge, /resolve); the past
 * ones; each one's action plan (items with an owner and a due date, added with POST
 * /incidents/{id}/actions and marked done with POST /incidents/{id}/actions/{item}; overdue ones
 * said so); the channels and a test message to each (POST /notify/test).
 */
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { STORE } from '../store';
import { formatTime } from '../format';
import { Evidence } from '../components/evidence';
import { NotLoaded } from '../components/not-loaded';

/**
 * Unix seconds in UTC, as the screens show the server's times.
 * @param {number|null} seconds Unix seconds.
 */
export function utc( seconds ) {
	return seconds
		? formatTime(
				new Date( seconds * 1000 ).toISOString().replace( /\.\d+Z$/, 'Z' )
		  )
		: '—';
}

export function statusLabel( status ) {
	switch ( status ) {
		case 'pending':
			return __( 'open, not acknowledged', 'bjlg' );
		case 'acknowledged':
			return __( 'acknowledged', 'bjlg' );
		case 'resolved':
			return __( 'resolved', 'bjlg' );
	}
	return status;
}

function severityLabel( severity ) {
	switch ( severity ) {
		case 'critical':
			return __( 'critical', 'bjlg' );
		case 'warning':
			return __( 'warning', 'bjlg' );
	}
	return __( 'info', 'bjlg' );
}

function Timeline( { steps } ) {
	return (
		<ol
			className="bjlg-timeline"
			aria-label={ __( 'Timeline', 'bjlg' ) }
		>
			{ steps.map( ( step, index ) => (
				<li key={ index }>
					<time dateTime={ new Date( step.timestamp * 1000 ).toISOString() }>
						{ utc( step.timestamp ) }
					</time>{ ' ' }
					{ step.actor ? `${ step.actor }: ` : '' }
					{ step.summary }
				</li>
			) ) }
		</ol>
	);
}

function Actions( { incident } ) {
	const { reload } = useDispatch( STORE );
	const [ note, setNote ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState( null );
	const act = async ( action ) => {
		setBusy( true );
		setError( null );
		try {
			await apiFetch( {
				path: `/bjlg/v1/incidents/${ encodeURIComponent( incident.id ) }/${ action }`,
				method: 'POST',
				data: { note },
			} );
			setNote( '' );
			await reload( 'incidents' );
		} catch ( e ) {
			setError( e.message || String( e ) );
		}
		setBusy( false );
	};
	return (
		<div className="bjlg-incident-actions">
			<TextControl
				label={ __( 'Note', 'bjlg' ) }
				help={ __(
					'Saved in the timeline; resolving needs a summary of what was done.',
					'bjlg'
				) }
				value={ note }
				onChange={ setNote }
			/>
			<div className="bjlg-actions">
				{ incident.status === 'pending' && (
					<Button
						variant="primary"
						onClick={ () => act( 'acknowledge' ) }
						disabled={ busy }
					>
						{ __( 'Acknowledge', 'bjlg' ) }
					</Button>
				) }
				<Button
					variant="secondary"
					onClick={ () => act( 'resolve' ) }
					disabled={ busy || ! note.trim() }
				>
					{ __( 'Resolve', 'bjlg' ) }
				</Button>
				{ busy && <Spinner /> }
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
		</div>
	);
}

export function actionStatusLabel( status ) {
	switch ( status ) {
		case 'open':
			return __( 'to do', 'bjlg' );
		case 'in_progress':
			return __( 'in progress', 'bjlg' );
		case 'done':
			return __( 'done', 'bjlg' );
		case 'cancelled':
			return __( 'cancelled', 'bjlg' );
	}
	return status;
}

function ActionItem( { incident, item } ) {
	const { reload } = useDispatch( STORE );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState( null );
	const markDone = async () => {
		setBusy( true );
		setError( null );
		try {
			await apiFetch( {
				path: `/bjlg/v1/incidents/${ encodeURIComponent( incident.id ) }/actions/${ item.id }`,
				method: 'POST',
				data: { status: 'done' },
			} );
			await reload( 'incidents' );
		} catch ( e ) {
			setError( e.message || String( e ) );
		}
		setBusy( false );
	};
	const pending = item.status === 'open' || item.status === 'in_progress';
	return (
		<li
			className={ item.overdue ? 'bjlg-action bjlg-action--overdue' : 'bjlg-action' }
			data-testid="bjlg-action"
		>
			<span>
				{ item.title } —{ ' ' }
				{ item.owner_name || __( 'no owner', 'bjlg' ) },{ ' ' }
				{ item.due_date
					? sprintf(
							/* translators: %s: a date. */
							__( 'due %s', 'bjlg' ),
							item.due_date
					  )
					: __( 'no due date', 'bjlg' ) }{ ' ' }
				({ actionStatusLabel( item.status ) })
				{ item.overdue && (
					<strong className="bjlg-overdue">
						{ ' ' }
						{ __( 'Overdue', 'bjlg' ) }
					</strong>
				) }
			</span>{ ' ' }
			{ pending && (
				<Button
					variant="secondary"
					size="compact"
					onClick={ markDone }
					disabled={ busy }
					aria-label={ sprintf(
						/* translators: %s: the action's title. */
						__( 'Mark done: %s', 'bjlg' ),
						item.title
					) }
				>
					{ __( 'Mark done', 'bjlg' ) }
				</Button>
			) }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
		</li>
	);
}

function AddAction( { incident } ) {
	const { reload } = useDispatch( STORE );
	const owners = useSelect( ( select ) => select( STORE ).getOwners(), [] );
	const [ title, setTitle ] = useState( '' );
	const [ owner, setOwner ] = useState( '' );
	const [ due, setDue ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState( null );
	const add = async ( event ) => {
		event.preventDefault();
		setBusy( true );
		setError( null );
		try {
			await apiFetch( {
				path: `/bjlg/v1/incidents/${ encodeURIComponent( incident.id ) }/actions`,
				method: 'POST',
				data: { title, owner, ...( due ? { due_date: due } : {} ) },
			} );
			setTitle( '' );
			setDue( '' );
			await reload( 'incidents' );
		} catch ( e ) {
			setError( e.message || String( e ) );
		}
		setBusy( false );
	};
	const options = [
		{ value: '', label: __( 'Nobody yet', 'bjlg' ) },
		...( owners?.owners || [] ).map( ( o ) => ( {
			value: o.login,
			label: o.name,
		} ) ),
	];
	return (
		<form className="bjlg-add-action" onSubmit={ add }>
			<TextControl
				__nextHasNoMarginBottom
				label={ __( 'New action', 'bjlg' ) }
				value={ title }
				onChange={ setTitle }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Owner', 'bjlg' ) }
				value={ owner }
				options={ options }
				onChange={ setOwner }
			/>
			<TextControl
				__nextHasNoMarginBottom
				type="date"
				label={ __( 'Due date', 'bjlg' ) }
				value={ due }
				onChange={ setDue }
			/>
			<div className="bjlg-actions">
				<Button
					variant="secondary"
					type="submit"
					disabled={ busy || ! title.trim() }
				>
					{ __( 'Add the action', 'bjlg' ) }
				</Button>
				{ busy && <Spinner /> }
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
		</form>
	);
}

/**
 * The incident's action plan: its items, the overdue ones said so in words (an item still to
 * do can be marked done, also after the incident is resolved), and while the incident is open a
 * form to add one.
 * @param {Object} props
 * @param {Object} props.incident The incident (GET /incidents).
 */
function ActionPlan( { incident } ) {
	const items = incident.actions || [];
	const overdue = items.filter( ( item ) => item.overdue ).length;
	return (
		<section
			className="bjlg-action-plan-section"
			aria-label={ sprintf(
				/* translators: %s: the incident's title. */
				__( 'Action plan of %s', 'bjlg' ),
				incident.title
			) }
		>
			<h4>{ __( 'Action plan', 'bjlg' ) }</h4>
			{ items.length ? (
				<>
					{ overdue > 0 && (
						<p className="bjlg-overdue">
							{ sprintf(
								/* translators: %d: number of actions. */
								_n(
									'%d action is overdue.',
									'%d actions are overdue.',
									overdue,
									'bjlg'
								),
								overdue
							) }
						</p>
					) }
					<ul className="bjlg-action-plan">
						{ items.map( ( item ) => (
							<ActionItem key={ item.id } incident={ incident } item={ item } />
						) ) }
					</ul>
				</>
			) : (
				<p>{ __( 'No action yet.', 'bjlg' ) }</p>
			) }
			{ incident.status !== 'resolved' && (
				<AddAction incident={ incident } />
			) }
		</section>
	);
}

/** What the incident was opened with: its lines (the failure's message, the checks that
 * failed) and its context (history row, source, archive…), as GET /incidents gives them. */
function IncidentEvidence( { incident } ) {
	const lines = incident.lines || [];
	const context = incident.context || {};
	if ( ! lines.length && ! Object.keys( context ).length ) {
		return null;
	}
	return (
		<details className="bjlg-incident-evidence" data-testid="bjlg-incident-evidence">
			<summary>{ __( 'Evidence', 'bjlg' ) }</summary>
			{ lines.length > 0 && (
				<ul>
					{ lines.map( ( line, i ) => (
						<li key={ i }>{ line }</li>
					) ) }
				</ul>
			) }
			<Evidence evidence={ context } />
		</details>
	);
}

function Incident( { incident } ) {
	return (
		<li className="bjlg-incident" data-testid="bjlg-incident">
			<h3>{ incident.title }</h3>
			<p>
				{ sprintf(
					/* translators: 1: severity, 2: status, 3: date and time. */
					__( 'Severity %1$s, %2$s; opened %3$s.', 'bjlg' ),
					severityLabel( incident.severity ),
					statusLabel( incident.status ),
					utc( incident.created_at )
				) }
			</p>
			{ incident.resolution_summary && (
				<p>
					{ sprintf(
						/* translators: %s: what was done. */
						__( 'Resolution: %s', 'bjlg' ),
						incident.resolution_summary
					) }
				</p>
			) }
			<IncidentEvidence incident={ incident } />
			<Timeline steps={ incident.steps } />
			<ActionPlan incident={ incident } />
			{ incident.status !== 'resolved' && (
				<Actions incident={ incident } />
			) }
		</li>
	);
}

function Channels( { channels } ) {
	const [ results, setResults ] = useState( null );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState( null );
	const test = async () => {
		setBusy( true );
		setError( null );
		try {
			setResults(
				( await apiFetch( { path: '/bjlg/v1/notify/test', method: 'POST' } ) )
					.results
			);
		} catch ( e ) {
			setError( e.message || String( e ) );
		}
		setBusy( false );
	};
	if ( ! channels.length ) {
		return <p>{ __( 'This site has no notification channel.', 'bjlg' ) }</p>;
	}
	return (
		<>
			<ul>
				{ channels.map( ( c ) => (
					<li key={ c.name }>
						{ sprintf(
							/* translators: 1: a destination's or a channel's name, 2: its type (local, s3, slack…). */
							__( '%1$s (%2$s)', 'bjlg' ),
							c.name,
							c.type
						) }
					</li>
				) ) }
			</ul>
			<Button variant="secondary" onClick={ test } disabled={ busy }>
				{ __( 'Send a test message to every channel', 'bjlg' ) }
			</Button>
			{ busy && <Spinner /> }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ results && (
				<ul data-testid="bjlg-channel-results">
					{ results.map( ( r ) => (
						<li key={ r.channel }>
							{ r.status === 'sent'
								? sprintf(
										/* translators: 1: channel, 2: HTTP status, 3: milliseconds. */
										__( '%1$s: sent (HTTP %2$d, %3$d ms)', 'bjlg' ),
										r.channel,
										r.http_code,
										r.latency_ms
								  )
								: sprintf(
										/* translators: 1: channel, 2: the reason, which starts with its error code in brackets. */
										__( '%1$s: failed: %2$s', 'bjlg' ),
										r.channel,
										r.error
								  ) }
						</li>
					) ) }
				</ul>
			) }
		</>
	);
}

export function IncidentsScreen() {
	const { incidents, error } = useSelect( ( select ) => {
		const store = select( STORE );
		return {
			incidents: store.getIncidents(),
			error: store.getError( 'incidents' ),
		};
	}, [] );
	if ( error || ! incidents ) {
		return <NotLoaded error={ error } />;
	}
	const open = incidents.incidents.filter( ( i ) => i.status !== 'resolved' );
	const past = incidents.incidents.filter( ( i ) => i.status === 'resolved' );
	return (
		<div className="bjlg-admin">
			<Card>
				<CardHeader>
					<h2>{ __( 'Open incidents', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					{ open.length ? (
						<ul className="bjlg-incidents">
							{ open.map( ( i ) => (
								<Incident key={ i.id } incident={ i } />
							) ) }
						</ul>
					) : (
						<p>{ __( 'No open incident.', 'bjlg' ) }</p>
					) }
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Past incidents', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					{ past.length ? (
						<ul className="bjlg-incidents">
							{ past.map( ( i ) => (
								<Incident key={ i.id } incident={ i } />
							) ) }
						</ul>
					) : (
						<p>{ __( 'No past incident.', 'bjlg' ) }</p>
					) }
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Notification channels', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<Channels channels={ incidents.channels } />
				</CardBody>
			</Card>
		</div>
	);
}
