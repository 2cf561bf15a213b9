/**
 * The schedule entries (schedule-entries.js) and the schedule assistant: an expression typed or
 * picked (presets, examples), previewed as it is typed by GET /schedule/preview (descriptions in
 * English and French, the next runs in the site's zone, the guardrails with their evidence, the
 * `overlap` with the other entries), saved by PUT /schedule for the default entry, PUT
 * /schedules/{id} for another, POST /schedules for a new one; an invalid, never-firing or too
 * frequent expression is refused with the reason.
 */
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
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
import { usePreview } from './use-preview';
import { Preview, Warning } from './schedule-preview';
import { ScheduleEntries } from './schedule-entries';
import { read } from '../fetch';
import { NoSchedule } from '../components/no-schedule';

const PRESETS = () => [
	{ value: '30 2 * * *', label: __( 'Every day at 02:30', 'bjlg' ) },
	{ value: '0 */6 * * *', label: __( 'Every six hours', 'bjlg' ) },
	{ value: '0 23 * * 1-5', label: __( 'Weekdays at 23:00', 'bjlg' ) },
	{ value: '0 3 * * 0', label: __( 'Every Sunday at 03:00', 'bjlg' ) },
	{
		value: '0 4 1 * *',
		label: __( 'The first of each month at 04:00', 'bjlg' ),
	},
];

// Each example shows one thing the assistant checks.
const EXAMPLES = () => [
	{ value: '*/15 * * * *', note: __( 'every 15 minutes', 'bjlg' ) },
	{ value: '* * * * *', note: __( 'too frequent: refused', 'bjlg' ) },
	{
		value: '30 2 * * *',
		note: __(
			'at 02:30: moved by daylight saving time in some zones',
			'bjlg'
		),
	},
	{ value: '0 0 30 2 *', note: __( 'February 30th: never fires', 'bjlg' ) },
	{ value: '@weekly', note: __( 'a macro', 'bjlg' ) },
];

/** The entry PUT /schedule edits (Schedule::DEFAULT_ID). */
const DEFAULT_ID = 'bjlg_schedule_default';

function CurrentSchedule( { schedule } ) {
	if ( ! schedule ) {
		return <Spinner />;
	}
	if ( ! schedule.enabled ) {
		return <NoSchedule />;
	}
	return (
		<p>
			{ sprintf(
				/* translators: 1: cron expression, 2: next run. */
				__( 'Saved schedule: %1$s, next run %2$s.', 'bjlg' ),
				schedule.cron,
				formatTime( schedule.next_runs[ 0 ] )
			) }
		</p>
	);
}

export function ScheduleScreen() {
	const status = useSelect( ( select ) => select( STORE ).getStatus(), [] );
	const { refresh } = useDispatch( STORE );
	const [ entries, setEntries ] = useState( null );
	const [ entriesError, setEntriesError ] = useState( '' );
	// The entry the assistant edits: its id, '' for a new one.
	const [ editing, setEditing ] = useState( DEFAULT_ID );
	const [ name, setName ] = useState( '' );
	const [ expression, setExpression ] = useState( null );
	const [ saving, setSaving ] = useState( false );
	const [ outcome, setOutcome ] = useState( null );
	const typed = expression ?? '';
	const result = usePreview( typed, editing );
	const entry = entries?.find( ( e ) => e.id === editing );

	const loadEntries = useCallback( () => {
		read( '/bjlg/v1/schedules' ).then(
			( answer ) => setEntries( answer.schedules ),
			( error ) => setEntriesError( error.message )
		);
	}, [] );
	useEffect( loadEntries, [ loadEntries ] );

	// Start from the saved expression, once it is known and only if nothing was typed yet.
	useEffect( () => {
		if ( expression === null && status ) {
			setExpression( status.schedule.cron || '30 2 * * *' );
		}
	}, [ status, expression ] );

	const choose = ( value ) => {
		setOutcome( null );
		setExpression( value );
	};

	const edit = ( chosen ) => {
		setOutcome( null );
		setEditing( chosen ? chosen.id : '' );
		setName( chosen ? chosen.name : '' );
		setExpression( chosen ? chosen.cron : '' );
	};

	const request = () => {
		if ( editing === DEFAULT_ID ) {
			return {
				path: '/bjlg/v1/schedule',
				method: 'PUT',
				data: { expression: typed },
			};
		}
		if ( editing === '' ) {
			return {
				path: '/bjlg/v1/schedules',
				method: 'POST',
				data: { name, cron: typed },
			};
		}
		return {
			path: `/bjlg/v1/schedules/${ encodeURIComponent( editing ) }`,
			method: 'PUT',
			data: { cron: typed },
		};
	};

	const save = async () => {
		setSaving( true );
		setOutcome( null );
		try {
			const saved = await apiFetch( request() );
			setOutcome( {
				ok: true,
				schedule: saved.schedule,
				warnings: saved.warnings || saved.preview?.warnings || [],
			} );
			if ( editing === '' ) {
				setEditing( saved.schedule.id );
			}
			refresh();
		} catch ( error ) {
			setOutcome( { ok: false, error } );
		}
		setSaving( false );
		loadEntries();
	};

	const entriesChanged = () => {
		loadEntries();
		refresh();
	};

	let editingWhat;
	if ( editing === '' ) {
		editingWhat = __( 'A new entry.', 'bjlg' );
	} else if ( editing !== DEFAULT_ID ) {
		editingWhat = sprintf(
			/* translators: %s: schedule entry name. */
			__( 'Editing the entry %s.', 'bjlg' ),
			entry?.name ?? editing
		);
	}

	return (
		<div className="bjlg-admin">
			<Card>
				<CardHeader>
					<h2>{ __( 'Schedule entries', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<ScheduleEntries
						entries={ entries }
						error={ entriesError }
						editing={ editing }
						onEdit={ edit }
						onChange={ entriesChanged }
					/>
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Schedule assistant', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					{ editingWhat ? (
						<p data-testid="bjlg-editing">{ editingWhat }</p>
					) : (
						<CurrentSchedule schedule={ status?.schedule } />
					) }
					{ editing === '' && (
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'Entry name', 'bjlg' ) }
							value={ name }
							onChange={ setName }
						/>
					) }
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Preset', 'bjlg' ) }
						value=""
						options={ [
							{
								value: '',
								label: __( 'Choose a preset…', 'bjlg' ),
							},
							...PRESETS(),
						] }
						onChange={ ( value ) => value && choose( value ) }
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Cron expression', 'bjlg' ) }
						help={ __(
							'Five fields: minute, hour, day of month, month, day of week, in the site’s time zone; or a macro such as @daily.',
							'bjlg'
						) }
						value={ typed }
						onChange={ choose }
						autoComplete="off"
						spellCheck={ false }
					/>
					<h3 id="bjlg-examples-title">
						{ __( 'Examples', 'bjlg' ) }
					</h3>
					<ul
						className="bjlg-examples"
						aria-labelledby="bjlg-examples-title"
					>
						{ EXAMPLES().map( ( example ) => (
							<li key={ example.value }>
								<Button
									variant="secondary"
									onClick={ () => choose( example.value ) }
									aria-label={ sprintf(
										/* translators: 1: cron expression, 2: what it shows. */
										__( 'Use %1$s (%2$s)', 'bjlg' ),
										example.value,
										example.note
									) }
								>
									<code>{ example.value }</code>&nbsp;
									{ example.note }
								</Button>
							</li>
						) ) }
					</ul>
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Preview', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<div
						aria-live="polite"
						aria-busy={ result.state === 'loading' }
						data-testid="bjlg-preview"
					>
						<Preview result={ result } />
					</div>
					<Button
						variant="primary"
						onClick={ save }
						isBusy={ saving }
						disabled={
							saving ||
							! typed.trim() ||
							( editing === '' && ! name.trim() )
						}
						__next40pxDefaultSize
					>
						{ __( 'Save schedule', 'bjlg' ) }
					</Button>
					<div aria-live="assertive">
						{ outcome?.ok && (
							<Notice status="success" isDismissible={ false }>
								<CurrentSchedule
									schedule={ outcome.schedule }
								/>
							</Notice>
						) }
						{ outcome?.ok &&
							outcome.warnings
								.filter( ( w ) => w.code === 'overlap' )
								.map( ( warning, i ) => (
									<Warning key={ i } warning={ warning } />
								) ) }
						{ outcome && ! outcome.ok && (
							<Notice status="error" isDismissible={ false }>
								<p>
									{ sprintf(
										/* translators: %s: why the schedule was refused. */
										__( 'Not saved: %s', 'bjlg' ),
										outcome.error.message
									) }
								</p>
								<Evidence
									evidence={ outcome.error.data?.evidence }
								/>
							</Notice>
						) }
					</div>
				</CardBody>
			</Card>
		</div>
	);
}
