/**
 * The backups: the archives from GET /backups, filtered by name and by verification, each one
 * verifiable (POST /backups/{name}/verify) with the result shown beside it.
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
import { STORE } from '../store';
import { formatBytes, formatTime } from '../format';
import {
	outcomeLabel,
	VerificationStatus,
} from '../components/verification-status';
import { VerificationReport } from '../components/verification-report';
import { NotLoaded } from '../components/not-loaded';

const FILTERS = () => [
	{ value: 'all', label: __( 'All', 'bjlg' ) },
	{ value: 'passed', label: __( 'Verified', 'bjlg' ) },
	{ value: 'failed', label: __( 'Verification failed', 'bjlg' ) },
	{ value: 'none', label: __( 'Not verified', 'bjlg' ) },
];

function matches( backup, search, filter ) {
	if (
		search &&
		! backup.name.toLowerCase().includes( search.toLowerCase() )
	) {
		return false;
	}
	const status = backup.verification?.status || 'none';
	return filter === 'all' || status === filter;
}

function Result( { name } ) {
	const verification = useSelect(
		( select ) => select( STORE ).getVerification( name ),
		[ name ]
	);
	if ( ! verification ) {
		return null;
	}
	if ( verification.state === 'running' ) {
		return (
			<p>
				<Spinner /> { __( 'Verifying…', 'bjlg' ) }
			</p>
		);
	}
	if ( verification.state === 'error' ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ verification.message }
			</Notice>
		);
	}
	const { summary } = verification;
	return (
		<Notice
			status={ summary.status === 'passed' ? 'success' : 'error' }
			isDismissible={ false }
		>
			<p>
				{ sprintf(
					/* translators: 1: archive name, 2: passed, failed or inconclusive, 3: the verifier's message. */
					__( 'Verification of %1$s: %2$s (%3$s)', 'bjlg' ),
					summary.archive,
					outcomeLabel( summary.status ),
					summary.message
				) }
			</p>
			<VerificationReport summary={ summary } />
		</Notice>
	);
}

function Row( { backup } ) {
	const { verify } = useDispatch( STORE );
	const running = useSelect(
		( select ) =>
			select( STORE ).getVerification( backup.name )?.state === 'running',
		[ backup.name ]
	);
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
				<div aria-live="polite">
					<Result name={ backup.name } />
				</div>
			</td>
			<td>
				<Button
					variant="secondary"
					onClick={ () => verify( backup.name ) }
					disabled={ running }
					isBusy={ running }
					aria-label={ sprintf(
						/* translators: %s: archive name. */
						__( 'Verify %s', 'bjlg' ),
						backup.name
					) }
				>
					{ __( 'Verify', 'bjlg' ) }
				</Button>
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
	const [ search, setSearch ] = useState( '' );
	const [ filter, setFilter ] = useState( 'all' );
	if ( error || ! backups ) {
		return <NotLoaded error={ error } />;
	}
	const shown = backups.backups.filter( ( backup ) =>
		matches( backup, search, filter )
	);
	return (
		<div className="bjlg-admin">
			<div className="bjlg-filters">
				<SearchControl
					__nextHasNoMarginBottom
					label={ __( 'Filter by name', 'bjlg' ) }
					value={ search }
					onChange={ setSearch }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Verification', 'bjlg' ) }
					value={ filter }
					options={ FILTERS() }
					onChange={ setFilter }
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
						<th scope="col">{ __( 'Actions', 'bjlg' ) }</th>
					</tr>
				</thead>
				<tbody>
					{ shown.map( ( backup ) => (
						<Row key={ backup.name } backup={ backup } />
					) ) }
				</tbody>
			</table>
		</div>
	);
}
