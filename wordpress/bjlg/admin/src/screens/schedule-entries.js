/**
 * The site's schedule entries (GET /schedules): each one's name, expression and what it means,
 * next run and whether it runs; **Edit** (in the assistant below), **Pause** / **Resume**
 * (PATCH /schedules/{id} {enabled}), **Delete** after a confirmation (DELETE /schedules/{id});
 * and the plugin's presets one click away (POST /schedules {macro, name}), or a custom entry
 * typed in the assistant.
 */
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import apiFetch from '@wordpress/api-fetch';
import { Button, Modal, Notice } from '@wordpress/components';
import { formatTime } from '../format';
import { NotLoaded } from '../components/not-loaded';
import { Warning } from './schedule-preview';

/** The plugin's presets (Schedule::MACROS in class-schedule.php). */
export const PLUGIN_PRESETS = () => [
	{
		macro: 'nightly_full',
		cron: '30 2 * * *',
		name: __( 'Nightly full backup', 'bjlg' ),
	},
	{
		macro: 'weekly_media',
		cron: '0 4 * * sun',
		name: __( 'Weekly media backup', 'bjlg' ),
	},
	{
		macro: 'weekend_snapshot',
		cron: '0 5 * * sat,sun',
		name: __( 'Weekend snapshot', 'bjlg' ),
	},
	{
		macro: 'hourly_guard',
		cron: '0 * * * *',
		name: __( 'Hourly guard', 'bjlg' ),
	},
	{
		macro: 'pre_deploy',
		cron: '*/10 * * * *',
		name: __( 'Before a deployment (every 10 minutes)', 'bjlg' ),
	},
];

/** The description in the reader's language (the extension writes English and French). */
function said( description ) {
	if ( ! description ) {
		return '';
	}
	return document.documentElement.lang?.startsWith( 'fr' )
		? description.fr
		: description.en;
}

function Entry( { entry, editing, busy, onEdit, onToggle, onDelete } ) {
	return (
		<tr aria-current={ editing ? 'true' : undefined }>
			<th scope="row">{ entry.name }</th>
			<td>
				<code>{ entry.cron || '—' }</code>
				{ entry.description && (
					<span className="bjlg-entry-description">
						{ ' ' }
						{ said( entry.description ) }
					</span>
				) }
			</td>
			<td>
				{ entry.enabled && entry.next_runs.length ? (
					<time dateTime={ entry.next_runs[ 0 ] }>
						{ formatTime( entry.next_runs[ 0 ] ) }
					</time>
				) : (
					'—'
				) }
			</td>
			<td>
				{ entry.enabled
					? __( 'Enabled', 'bjlg' )
					: __( 'Paused', 'bjlg' ) }
			</td>
			<td className="bjlg-actions">
				<Button
					variant="secondary"
					size="compact"
					onClick={ onEdit }
					disabled={ busy }
					label={ sprintf(
						/* translators: %s: schedule entry name. */
						__( 'Edit %s', 'bjlg' ),
						entry.name
					) }
					showTooltip={ false }
				>
					{ __( 'Edit', 'bjlg' ) }
				</Button>
				{ ( entry.enabled || entry.cron ) && (
					<Button
						variant="secondary"
						size="compact"
						onClick={ onToggle }
						disabled={ busy }
						label={ sprintf(
							entry.enabled
								? /* translators: %s: schedule entry name. */
								  __( 'Pause %s', 'bjlg' )
								: /* translators: %s: schedule entry name. */
								  __( 'Resume %s', 'bjlg' ),
							entry.name
						) }
						showTooltip={ false }
					>
						{ entry.enabled
							? __( 'Pause', 'bjlg' )
							: __( 'Resume', 'bjlg' ) }
					</Button>
				) }
				<Button
					variant="secondary"
					size="compact"
					isDestructive
					onClick={ onDelete }
					disabled={ busy }
					label={ sprintf(
						/* translators: %s: schedule entry name. */
						__( 'Delete %s', 'bjlg' ),
						entry.name
					) }
					showTooltip={ false }
				>
					{ __( 'Delete', 'bjlg' ) }
				</Button>
			</td>
		</tr>
	);
}

/**
 * @param {Object}   props
 * @param {Array}    props.entries  GET /schedules's entries, null while loading.
 * @param {string}   props.error    Why they could not be read.
 * @param {string}   props.editing  The id of the entry the assistant edits ('' for a new one).
 * @param {Function} props.onEdit   Called with an entry to edit it, or null for a new one.
 * @param {Function} props.onChange Called after an entry was added, paused, resumed or deleted.
 */
export function ScheduleEntries( { entries, error, editing, onEdit, onChange } ) {
	const [ busy, setBusy ] = useState( false );
	const [ outcome, setOutcome ] = useState( null );
	const [ deleting, setDeleting ] = useState( null );

	const send = async ( request, done ) => {
		setBusy( true );
		setOutcome( null );
		try {
			const answer = await apiFetch( request );
			setOutcome( { ok: true, message: done( answer ), answer } );
		} catch ( failure ) {
			setOutcome( { ok: false, message: failure.message } );
		}
		setBusy( false );
		onChange();
	};

	const add = ( preset ) =>
		send(
			{
				path: '/bjlg/v1/schedules',
				method: 'POST',
				data: { macro: preset.macro, name: preset.name },
			},
			( answer ) =>
				sprintf(
					/* translators: 1: schedule entry name, 2: next run. */
					__( 'Added %1$s, next run %2$s.', 'bjlg' ),
					answer.schedule.name,
					formatTime( answer.schedule.next_runs[ 0 ] )
				)
		);

	const toggle = ( entry ) =>
		send(
			{
				path: `/bjlg/v1/schedules/${ encodeURIComponent( entry.id ) }`,
				method: 'PATCH',
				data: { enabled: ! entry.enabled },
			},
			( answer ) =>
				sprintf(
					answer.schedule.enabled
						? /* translators: %s: schedule entry name. */
						  __( '%s resumed.', 'bjlg' )
						: /* translators: %s: schedule entry name. */
						  __( '%s paused: it does not run until resumed.', 'bjlg' ),
					answer.schedule.name
				)
		);

	const remove = ( entry ) => {
		setDeleting( null );
		send(
			{
				path: `/bjlg/v1/schedules/${ encodeURIComponent( entry.id ) }`,
				method: 'DELETE',
			},
			() =>
				sprintf(
					/* translators: %s: schedule entry name. */
					__( '%s deleted.', 'bjlg' ),
					entry.name
				)
		);
	};

	if ( ! entries ) {
		return <NotLoaded error={ error } />;
	}
	return (
		<>
			<div className="bjlg-table-scroll">
				<table className="bjlg-table bjlg-entries">
					<caption className="screen-reader-text">
						{ __( 'Schedule entries', 'bjlg' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">{ __( 'Name', 'bjlg' ) }</th>
							<th scope="col">
								{ __( 'Expression', 'bjlg' ) }
							</th>
							<th scope="col">{ __( 'Next run', 'bjlg' ) }</th>
							<th scope="col">{ __( 'State', 'bjlg' ) }</th>
							<th scope="col">{ __( 'Actions', 'bjlg' ) }</th>
						</tr>
					</thead>
					<tbody>
						{ entries.map( ( entry ) => (
							<Entry
								key={ entry.id }
								entry={ entry }
								editing={ entry.id === editing }
								busy={ busy }
								onEdit={ () => onEdit( entry ) }
								onToggle={ () => toggle( entry ) }
								onDelete={ () => setDeleting( entry ) }
							/>
						) ) }
					</tbody>
				</table>
			</div>
			<h3 id="bjlg-add-entry-title">{ __( 'Add an entry', 'bjlg' ) }</h3>
			<ul
				className="bjlg-examples"
				aria-labelledby="bjlg-add-entry-title"
			>
				{ PLUGIN_PRESETS().map( ( preset ) => (
					<li key={ preset.macro }>
						<Button
							variant="secondary"
							onClick={ () => add( preset ) }
							disabled={ busy }
							aria-label={ sprintf(
								/* translators: 1: preset name, 2: cron expression. */
								__( 'Add %1$s (%2$s)', 'bjlg' ),
								preset.name,
								preset.cron
							) }
						>
							{ preset.name }&nbsp;<code>{ preset.cron }</code>
						</Button>
					</li>
				) ) }
				<li>
					<Button
						variant="secondary"
						onClick={ () => onEdit( null ) }
						disabled={ busy }
					>
						{ __( 'A custom entry…', 'bjlg' ) }
					</Button>
				</li>
			</ul>
			<div aria-live="polite" data-testid="bjlg-entries-outcome">
				{ outcome && (
					<Notice
						status={ outcome.ok ? 'success' : 'error' }
						isDismissible={ false }
					>
						<p>{ outcome.message }</p>
					</Notice>
				) }
				{ outcome?.ok &&
					( outcome.answer?.warnings || [] ).map( ( warning, i ) => (
						<Warning
							key={ `${ warning.code }-${ i }` }
							warning={ warning }
						/>
					) ) }
			</div>
			{ deleting && (
				<Modal
					title={ __( 'Delete this schedule entry?', 'bjlg' ) }
					onRequestClose={ () => setDeleting( null ) }
				>
					<p>
						{ sprintf(
							/* translators: 1: schedule entry name, 2: cron expression. */
							__(
								'%1$s (%2$s) will no longer run and its settings are removed. The archives it wrote are kept.',
								'bjlg'
							),
							deleting.name,
							deleting.cron || '—'
						) }
					</p>
					<div className="bjlg-actions">
						<Button
							variant="tertiary"
							onClick={ () => setDeleting( null ) }
						>
							{ __( 'Cancel', 'bjlg' ) }
						</Button>
						<Button
							variant="primary"
							isDestructive
							onClick={ () => remove( deleting ) }
						>
							{ __( 'Delete the entry', 'bjlg' ) }
						</Button>
					</div>
				</Modal>
			) }
		</>
	);
}
