/**
 * What the assistant shows of a GET /schedule/preview answer: the descriptions in English and
 * French, the next runs in the site's zone, each guardrail with its evidence; or the reason the
 * expression is refused (the parser's field and position, or the never-fires evidence).
 */
import { __, sprintf } from '@wordpress/i18n';
import { Notice, Spinner } from '@wordpress/components';
import { formatTime } from '../format';
import { Evidence } from '../components/evidence';

function Descriptions( { description } ) {
	return (
		<div className="bjlg-descriptions">
			<p>
				<strong>{ __( 'English:', 'bjlg' ) }</strong>{ ' ' }
				<span lang="en">{ description.en }</span>
			</p>
			<p>
				<strong>{ __( 'French:', 'bjlg' ) }</strong>{ ' ' }
				<span lang="fr">{ description.fr }</span>
			</p>
		</div>
	);
}

export function Warning( { warning } ) {
	return (
		<Notice
			status={ warning.severity === 'error' ? 'error' : 'warning' }
			isDismissible={ false }
		>
			<p>{ warning.message }</p>
			<Evidence evidence={ warning.evidence } />
		</Notice>
	);
}

function Refusal( { error } ) {
	const data = error.data || {};
	const where =
		data.field &&
		sprintf(
			/* translators: 1: cron field name, 2: position, 3: what is allowed there. */
			__( 'Field %1$s (position %2$d); allowed: %3$s', 'bjlg' ),
			data.field,
			data.position,
			data.suggestion
		);
	return (
		<Notice status="error" isDismissible={ false }>
			<p>{ error.message }</p>
			{ where && <p>{ where }</p> }
			<Evidence evidence={ data.evidence } />
		</Notice>
	);
}

export function Preview( { result } ) {
	if ( result.state === 'idle' ) {
		return (
			<p>{ __( 'Type an expression to see what it does.', 'bjlg' ) }</p>
		);
	}
	if ( result.state === 'error' ) {
		return <Refusal error={ result.error } />;
	}
	if ( ! result.preview ) {
		return <Spinner />;
	}
	const { preview } = result;
	return (
		<>
			<Descriptions description={ preview.description } />
			<h3>
				{ sprintf(
					/* translators: %s: the site's time zone, such as Europe/Paris. */
					__( 'Next runs (%s)', 'bjlg' ),
					preview.timezone
				) }
			</h3>
			<ol className="bjlg-runs">
				{ preview.next_runs.map( ( run ) => (
					<li key={ run }>
						<time dateTime={ run }>{ formatTime( run ) }</time>
					</li>
				) ) }
			</ol>
			{ preview.warnings.map( ( warning, i ) => (
				<Warning
					key={ `${ warning.code }-${ i }` }
					warning={ warning }
				/>
			) ) }
		</>
	);
}
