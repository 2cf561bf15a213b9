/**
 * Settings (GET/PUT /settings/destinations, /settings/retention, /settings/notifications): the
 * destinations with each type's keys, the retention policy, the notification channels with a
 * test message (POST /notify/test). Nothing is checked here: a PUT goes to the extension, and
 * its refusal is shown next to the field it names (the answer's `item`/`name` and `key`).
 * Secrets come masked ("••••1234"); left as they are, the server keeps the stored secret.
 * Field labels are the keys themselves (docs/quota.md, docs/notify.md): the extension's
 * messages name fields by these keys.
 */
import { useEffect, useState } from '@wordpress/element';
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
	ToggleControl,
} from '@wordpress/components';
import { read } from '../fetch';
import { NotLoaded } from '../components/not-loaded';

/** Each destination type's keys (docs/quota.md), beside name, type and quota_bytes. */
export const DESTINATION_FIELDS = {
	local: [ 'path' ],
	s3: [
		'bucket',
		'access_key',
		'secret_key',
		'region',
		'endpoint',
		'prefix',
		'path_style',
	],
	azure: [ 'account', 'container', 'key', 'sas', 'endpoint', 'prefix' ],
	b2: [ 'key_id', 'application_key', 'bucket', 'bucket_id', 'prefix' ],
	gdrive: [
		'access_token',
		'refresh_token',
		'client_id',
		'client_secret',
		'folder_id',
	],
	dropbox: [
		'access_token',
		'refresh_token',
		'client_id',
		'client_secret',
		'folder',
	],
	onedrive: [
		'access_token',
		'refresh_token',
		'client_id',
		'client_secret',
		'folder',
		'cloud',
	],
	pcloud: [ 'access_token', 'region', 'folder_id', 'folder' ],
	webdav: [ 'url', 'username', 'password' ],
	sftp: [
		'host',
		'port',
		'username',
		'password',
		'private_key',
		'passphrase',
		'path',
		'host_key_sha256',
	],
};

/** Each channel type's keys (docs/notify.md). */
export const CHANNEL_FIELDS = {
	email: [ 'smtp', 'username', 'password', 'from', 'to' ],
	slack: [ 'webhook_url' ],
	discord: [ 'webhook_url' ],
	teams: [ 'webhook_url' ],
	sms: [ 'webhook_url' ],
	webhook: [ 'url', 'secret' ],
	telegram: [ 'bot_token', 'chat_id' ],
	twilio: [ 'account_sid', 'auth_token', 'from', 'to' ],
	pagerduty: [ 'routing_key' ],
};

/** Keys shown as password inputs (the server masks them). */
const SECRETS = new Set( [
	'secret_key',
	'session_token',
	'key',
	'sas',
	'application_key',
	'access_token',
	'refresh_token',
	'client_secret',
	'password',
	'passphrase',
	'secret',
	'webhook_url',
	'bot_token',
	'auth_token',
	'routing_key',
] );
const INTEGERS = new Set( [
	'quota_bytes',
	'port',
	'keep_last',
	'keep_daily',
	'keep_weekly',
	'keep_monthly',
	'keep_yearly',
	'max_age_days',
	'min_keep',
] );
const NUMBERS = new Set( [ 'target_ratio', 'lead_days' ] );
const BOOLEANS = new Set( [ 'path_style', 'keep_verified' ] );
const LISTS = new Set( [ 'to' ] );
const RETENTION_FIELDS = [
	'keep_last',
	'keep_daily',
	'keep_weekly',
	'keep_monthly',
	'keep_yearly',
	'max_age_days',
	'min_keep',
	'keep_verified',
	'timezone',
	'target_ratio',
	'lead_days',
];

/**
 * A form's text back to the value the server takes: numbers for numeric keys, lists for `to`;
 * an empty field is left out (undefined). Anything the server refuses, it says why.
 * @param {string} key  The key.
 * @param {*}      text What the form holds.
 */
export function toValue( key, text ) {
	if ( BOOLEANS.has( key ) ) {
		return text ? true : undefined;
	}
	if ( text === undefined || text === null || String( text ).trim() === '' ) {
		return undefined;
	}
	const trimmed = String( text ).trim();
	if ( INTEGERS.has( key ) || NUMBERS.has( key ) ) {
		const number = Number( trimmed );
		return Number.isFinite( number ) ? number : trimmed;
	}
	if ( LISTS.has( key ) ) {
		return trimmed.split( ',' ).map( ( s ) => s.trim() );
	}
	return text;
}

/** The server's value as a form shows it. */
function toText( value ) {
	if ( Array.isArray( value ) ) {
		return value.join( ', ' );
	}
	if ( value === undefined || value === null ) {
		return '';
	}
	return typeof value === 'boolean' ? value : String( value );
}

/**
 * Builds a record from a form: every non-empty field, converted. Pure.
 * @param {Object}   values The form's fields.
 * @param {string[]} keys   The keys to send, in order.
 */
export function record( values, keys ) {
	const out = {};
	for ( const key of keys ) {
		const value = toValue( key, values[ key ] );
		if ( value !== undefined ) {
			out[ key ] = value;
		}
	}
	return out;
}

/** A refusal's parts from an apiFetch error. */
function refusal( error ) {
	return {
		message: error?.message || String( error ),
		...( error?.data || {} ),
	};
}

/**
 * One field: a text or password input, or a toggle; the refusal under it when the server
 * named it. Labels are the keys.
 */
function Field( { name, value, onChange, error } ) {
	const help = error ? (
		<span className="bjlg-field-error">{ error }</span>
	) : undefined;
	if ( BOOLEANS.has( name ) ) {
		return (
			<ToggleControl
				__nextHasNoMarginBottom
				label={ name }
				checked={ !! value }
				onChange={ onChange }
				help={ help }
			/>
		);
	}
	const numeric = INTEGERS.has( name ) || NUMBERS.has( name );
	return (
		<TextControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			label={ name }
			type={ SECRETS.has( name ) ? 'password' : 'text' }
			inputMode={ numeric ? 'decimal' : undefined }
			autoComplete={ SECRETS.has( name ) ? 'new-password' : 'off' }
			value={ toText( value ) }
			onChange={ onChange }
			help={ help }
			aria-invalid={ error ? true : undefined }
			className={ error ? 'bjlg-has-error' : undefined }
		/>
	);
}

/** Saved, refused or nothing yet: one line under a panel's Save button. */
function Outcome( { outcome } ) {
	if ( ! outcome ) {
		return null;
	}
	return (
		<Notice
			status={ outcome.ok ? 'success' : 'error' }
			isDismissible={ false }
		>
			{ outcome.ok
				? __( 'Saved.', 'bjlg' )
				: sprintf(
						/* translators: %s: the reason, as the extension gave it. */
						__( 'Not saved: %s', 'bjlg' ),
						outcome.message
				  ) }
		</Notice>
	);
}

const DESTINATION_TYPES = Object.keys( DESTINATION_FIELDS );

function destinationKeys( type ) {
	return [ 'name', 'type', 'quota_bytes', ...( DESTINATION_FIELDS[ type ] || [] ) ];
}

function Destination( { destination, index, saved, error, onChange, onRemove } ) {
	const set = ( key ) => ( value ) =>
		onChange( { ...destination, [ key ]: value } );
	const fieldError = ( key ) =>
		error && error.item === index && error.key === key
			? error.message
			: undefined;
	const named = error && error.item === index;
	const shown = new Set( destinationKeys( destination.type ) );
	return (
		<li className="bjlg-setting-item" data-testid="bjlg-destination-form">
			<fieldset>
				<legend>
					{ destination.name
						? sprintf(
								/* translators: 1: a destination's or a channel's name, 2: its type (local, s3, slack…). */
								__( '%1$s (%2$s)', 'bjlg' ),
								destination.name,
								destination.type
						  )
						: __( 'New destination', 'bjlg' ) }
				</legend>
				{ named && ! shown.has( error.key ) && (
					<Notice status="error" isDismissible={ false }>
						{ error.message }
					</Notice>
				) }
				<div className="bjlg-fields">
					<Field
						name="name"
						value={ destination.name }
						onChange={ set( 'name' ) }
						error={ fieldError( 'name' ) }
					/>
					{ saved ? (
						<p className="bjlg-fixed-type">
							{ sprintf(
								/* translators: %s: a destination type (local, s3…). */
								__( 'Type: %s', 'bjlg' ),
								destination.type
							) }
						</p>
					) : (
						<SelectControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label="type"
							value={ destination.type }
							options={ DESTINATION_TYPES.map( ( t ) => ( {
								label: t,
								value: t,
							} ) ) }
							onChange={ set( 'type' ) }
							help={
								fieldError( 'type' ) && (
									<span className="bjlg-field-error">
										{ fieldError( 'type' ) }
									</span>
								)
							}
						/>
					) }
					<Field
						name="quota_bytes"
						value={ destination.quota_bytes }
						onChange={ set( 'quota_bytes' ) }
						error={ fieldError( 'quota_bytes' ) }
					/>
					{ ( DESTINATION_FIELDS[ destination.type ] || [] ).map(
						( key ) => (
							<Field
								key={ key }
								name={ key }
								value={ destination[ key ] }
								onChange={ set( key ) }
								error={ fieldError( key ) }
							/>
						)
					) }
				</div>
				<Button variant="secondary" isDestructive onClick={ onRemove }>
					{ __( 'Remove this destination', 'bjlg' ) }
				</Button>
			</fieldset>
		</li>
	);
}

function DestinationsPanel() {
	const [ list, setList ] = useState( null );
	const [ savedNames, setSavedNames ] = useState( new Set() );
	const [ loadError, setLoadError ] = useState( null );
	const [ error, setError ] = useState( null );
	const [ outcome, setOutcome ] = useState( null );
	const [ busy, setBusy ] = useState( false );
	const loaded = ( destinations ) => {
		setList( destinations );
		setSavedNames( new Set( destinations.map( ( d ) => d.name ) ) );
	};
	useEffect( () => {
		read( '/bjlg/v1/settings/destinations' ).then(
			( r ) => loaded( r.destinations ),
			( e ) => setLoadError( e.message || String( e ) )
		);
	}, [] );
	if ( ! list ) {
		return <NotLoaded error={ loadError } />;
	}
	const save = async () => {
		setBusy( true );
		setError( null );
		setOutcome( null );
		try {
			const r = await apiFetch( {
				path: '/bjlg/v1/settings/destinations',
				method: 'PUT',
				data: {
					destinations: list.map( ( d ) =>
						record( d, destinationKeys( d.type ) )
					),
				},
			} );
			loaded( r.destinations );
			setOutcome( { ok: true } );
		} catch ( e ) {
			const why = refusal( e );
			setError( why );
			setOutcome( { ok: false, message: why.message } );
		}
		setBusy( false );
	};
	return (
		<>
			{ list.length ? (
				<ul className="bjlg-setting-items">
					{ list.map( ( d, index ) => (
						<Destination
							key={ index }
							index={ index }
							destination={ d }
							saved={ savedNames.has( d.name ) }
							error={ error }
							onChange={ ( changed ) =>
								setList(
									list.map( ( x, i ) =>
										i === index ? changed : x
									)
								)
							}
							onRemove={ () => {
								setError( null );
								setList( list.filter( ( x, i ) => i !== index ) );
							} }
						/>
					) ) }
				</ul>
			) : (
				<p>{ __( 'This site has no destination.', 'bjlg' ) }</p>
			) }
			<div className="bjlg-actions">
				<Button
					variant="secondary"
					onClick={ () =>
						setList( [ ...list, { name: '', type: 'local' } ] )
					}
				>
					{ __( 'Add a destination', 'bjlg' ) }
				</Button>
				<Button variant="primary" onClick={ save } disabled={ busy }>
					{ __( 'Save the destinations', 'bjlg' ) }
				</Button>
				{ busy && <Spinner /> }
			</div>
			<Outcome outcome={ outcome } />
		</>
	);
}

function RetentionPanel() {
	const [ policy, setPolicy ] = useState( null );
	const [ loadError, setLoadError ] = useState( null );
	const [ outcome, setOutcome ] = useState( null );
	const [ busy, setBusy ] = useState( false );
	useEffect( () => {
		read( '/bjlg/v1/settings/retention' ).then(
			( r ) => setPolicy( r.policy ),
			( e ) => setLoadError( e.message || String( e ) )
		);
	}, [] );
	if ( ! policy ) {
		return <NotLoaded error={ loadError } />;
	}
	const save = async () => {
		setBusy( true );
		setOutcome( null );
		try {
			const r = await apiFetch( {
				path: '/bjlg/v1/settings/retention',
				method: 'PUT',
				data: { policy: record( policy, RETENTION_FIELDS ) },
			} );
			setPolicy( r.policy );
			setOutcome( { ok: true } );
		} catch ( e ) {
			setOutcome( { ok: false, ...refusal( e ) } );
		}
		setBusy( false );
	};
	return (
		<>
			<p>
				{ __(
					'What a purge keeps on every destination (docs/purge.md). Empty fields are not set; no rule at all keeps everything.',
					'bjlg'
				) }
			</p>
			<div className="bjlg-fields">
				{ RETENTION_FIELDS.map( ( key ) => (
					<Field
						key={ key }
						name={ key }
						value={ policy[ key ] }
						onChange={ ( value ) =>
							setPolicy( { ...policy, [ key ]: value } )
						}
						error={
							outcome && ! outcome.ok && outcome.key === key
								? outcome.message
								: undefined
						}
					/>
				) ) }
			</div>
			<div className="bjlg-actions">
				<Button variant="primary" onClick={ save } disabled={ busy }>
					{ __( 'Save the retention policy', 'bjlg' ) }
				</Button>
				{ busy && <Spinner /> }
			</div>
			<Outcome outcome={ outcome } />
		</>
	);
}

/** The channels map as a list the form edits. */
function channelList( channels ) {
	return Object.entries( channels ).map( ( [ name, c ] ) => ( {
		...c,
		_name: name,
	} ) );
}

function NotificationsPanel() {
	const [ settings, setSettings ] = useState( null );
	const [ channels, setChannels ] = useState( [] );
	const [ loadError, setLoadError ] = useState( null );
	const [ outcome, setOutcome ] = useState( null );
	const [ busy, setBusy ] = useState( false );
	const [ results, setResults ] = useState( null );
	const loaded = ( s ) => {
		setSettings( s );
		setChannels( channelList( s.channels ) );
	};
	useEffect( () => {
		read( '/bjlg/v1/settings/notifications' ).then( loaded, ( e ) =>
			setLoadError( e.message || String( e ) )
		);
	}, [] );
	if ( ! settings ) {
		return <NotLoaded error={ loadError } />;
	}
	const save = async () => {
		setBusy( true );
		setOutcome( null );
		const map = {};
		for ( const c of channels ) {
			map[ c._name ] = record( c, [
				'type',
				'name',
				...( CHANNEL_FIELDS[ c.type ] || [] ),
			] );
		}
		try {
			loaded(
				await apiFetch( {
					path: '/bjlg/v1/settings/notifications',
					method: 'PUT',
					data: {
						channels: map,
						policy: settings.policy,
						allow_private_network: settings.allow_private_network,
					},
				} )
			);
			setOutcome( { ok: true } );
		} catch ( e ) {
			setOutcome( { ok: false, ...refusal( e ) } );
		}
		setBusy( false );
	};
	const test = async () => {
		setBusy( true );
		setResults( null );
		try {
			setResults(
				(
					await apiFetch( {
						path: '/bjlg/v1/notify/test',
						method: 'POST',
					} )
				 ).results
			);
		} catch ( e ) {
			setOutcome( { ok: false, ...refusal( e ) } );
		}
		setBusy( false );
	};
	const fieldError = ( channel, key ) =>
		outcome && ! outcome.ok && outcome.name === channel && outcome.key === key
			? outcome.message
			: undefined;
	return (
		<>
			{ channels.length ? (
				<ul className="bjlg-setting-items">
					{ channels.map( ( c, index ) => {
						const set = ( key ) => ( value ) =>
							setChannels(
								channels.map( ( x, i ) =>
									i === index ? { ...x, [ key ]: value } : x
								)
							);
						return (
							<li key={ index } className="bjlg-setting-item">
								<fieldset>
									<legend>
										{ c._name ||
											__( 'New channel', 'bjlg' ) }
									</legend>
									<div className="bjlg-fields">
										<TextControl
											__nextHasNoMarginBottom
											__next40pxDefaultSize
											label={ __(
												'Channel name',
												'bjlg'
											) }
											value={ c._name }
											onChange={ set( '_name' ) }
										/>
										<SelectControl
											__nextHasNoMarginBottom
											__next40pxDefaultSize
											label="type"
											value={ c.type }
											options={ Object.keys(
												CHANNEL_FIELDS
											).map( ( t ) => ( {
												label: t,
												value: t,
											} ) ) }
											onChange={ set( 'type' ) }
										/>
										{ (
											CHANNEL_FIELDS[ c.type ] || []
										).map( ( key ) => (
											<Field
												key={ key }
												name={ key }
												value={ c[ key ] }
												onChange={ set( key ) }
												error={ fieldError(
													c._name,
													key
												) }
											/>
										) ) }
									</div>
									<Button
										variant="secondary"
										isDestructive
										onClick={ () =>
											setChannels(
												channels.filter(
													( x, i ) => i !== index
												)
											)
										}
									>
										{ __( 'Remove this channel', 'bjlg' ) }
									</Button>
								</fieldset>
							</li>
						);
					} ) }
				</ul>
			) : (
				<p>{ __( 'This site has no notification channel.', 'bjlg' ) }</p>
			) }
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Allow channels on this network (loopback and private addresses)',
					'bjlg'
				) }
				checked={ settings.allow_private_network }
				onChange={ ( value ) =>
					setSettings( { ...settings, allow_private_network: value } )
				}
			/>
			<div className="bjlg-actions">
				<Button
					variant="secondary"
					onClick={ () =>
						setChannels( [
							...channels,
							{ _name: '', type: 'slack' },
						] )
					}
				>
					{ __( 'Add a channel', 'bjlg' ) }
				</Button>
				<Button variant="primary" onClick={ save } disabled={ busy }>
					{ __( 'Save the channels', 'bjlg' ) }
				</Button>
				<Button variant="secondary" onClick={ test } disabled={ busy }>
					{ __( 'Send a test message to every channel', 'bjlg' ) }
				</Button>
				{ busy && <Spinner /> }
			</div>
			<Outcome outcome={ outcome } />
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

export function SettingsScreen() {
	return (
		<div className="bjlg-admin bjlg-settings">
			<Card>
				<CardHeader>
					<h2>{ __( 'Destinations', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<DestinationsPanel />
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Retention policy', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<RetentionPanel />
				</CardBody>
			</Card>
			<Card>
				<CardHeader>
					<h2>{ __( 'Notification channels', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<NotificationsPanel />
				</CardBody>
			</Card>
		</div>
	);
}
