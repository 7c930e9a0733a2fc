// The README's React section: name and required as props, an
// onxinyong-validate handler whose state update re-renders the component,
// and a React 19 form action reading the submitted form data.
import { useState } from 'react'

export default function App() {
  const [status, setStatus] = useState('')
  const [submitted, setSubmitted] = useState('')

  return (
    <>
      <form action={(formData) => setSubmitted(new URLSearchParams(formData).toString())}>
        <label htmlFor="code">统一社会信用代码</label>
        <xinyong-code-input
          id="code"
          name="code"
          required
          onxinyong-validate={(event) => setStatus(event.detail.valid ? 'valid' : 'invalid')}
        />
        <button type="submit">提交</button>
      </form>
      <p>xinyong-validate: <output id="status">{status}</output></p>
      <p>submitted: <output id="submitted">{submitted}</output></p>
    </>
  )
}
